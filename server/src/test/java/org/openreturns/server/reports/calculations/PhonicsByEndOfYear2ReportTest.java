package org.openreturns.server.reports.calculations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.server.testing.Eventually.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.requests.FileRequests;
import org.openreturns.server.requests.RequestStatus;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Phonics by the end of Year 2 in the portal's reports: counted with last year's accepted phonics returns of the LA,
 * equal to the DfE method (reference/rules.md §3) on a hand-worked case, and "Not available" without them.
 *
 * <p>Oak, last year (threshold 32), Year 1: U1 35 met, U2 20, U3 A, U4 33 met; accepted. Oak this year (threshold
 * 31): Year 1 U5 35; Year 2 U2 31 met, U4 34 (already met in Year 1), U6 10 (new). By the end of Year 2: U1 U2 U3
 * U4 U6, met U1 U2 U4: 3 of 5 = 60%. Re-check rate: U2 U6, 1 of 2. Elm's return of last year was checked but never
 * accepted, so its figure, and then the LA's, is not available.
 */
@PortalTest
class PhonicsByEndOfYear2ReportTest {

    private static final String BY_END_OF_Y2 = "phonics.byEndOfY2MetPercent";

    @Autowired
    Fixtures f;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    FileRequests requests;

    @Autowired
    Measures measures;

    @Autowired
    MockMvc mvc;

    @Test
    void theFigureUsesLastYearsAcceptedReturnAndEqualsTheDfeMethod() throws Exception {
        int year = f.freshYear();
        long lastYear = phonicsCollection(year - 1, 32);
        long thisYear = phonicsCollection(year, 31);
        TestSchool oak = f.school("Oak Phonics Primary School");
        long oakLastYear = f.request(oak, Collection.PHONICS, year - 1);
        long oakLastYearVersion = upload(oakLastYear, ctf(oak, year - 1,
                pupil(oak, 1, "1", year - 7, year - 1, "35"),
                pupil(oak, 2, "1", year - 7, year - 1, "20"),
                pupil(oak, 3, "1", year - 7, year - 1, "A"),
                pupil(oak, 4, "1", year - 7, year - 1, "33")));
        assertThat(f.findingCodes(oakLastYearVersion)).as("last year's return is clean, so it can be accepted")
                .isEmpty();
        assertThat(requests.accept(oakLastYear, f.actor("officer"))).isTrue();
        long oakThisYear = f.request(oak, Collection.PHONICS, year);
        upload(oakThisYear, ctf(oak, year,
                pupil(oak, 5, "1", year - 6, year, "35"),
                pupil(oak, 2, "2", year - 7, year, "31"),
                pupil(oak, 4, "2", year - 7, year, "34"),
                pupil(oak, 6, "2", year - 7, year, "10")));

        Measures.Report report = measures.of(thisYear).orElseThrow();

        MeasureValue school = report.school(oak.id(), BY_END_OF_Y2).orElseThrow();
        assertThat(school.numerator()).isEqualTo(3);
        assertThat(school.denominator()).isEqualTo(5);
        assertThat(school.value()).isEqualTo(60.0);
        assertThat(report.la(BY_END_OF_Y2).orElseThrow().value()).isEqualTo(60.0);
        // U4 met the standard in Year 1, so is no eligible re-taker (a figure over 2 pupils may be suppressed).
        assertThat(report.school(oak.id(), "phonics.y2MetPercent").orElseThrow().denominator()).isEqualTo(2);
        assertThat(report.headings()).extracting(Measures.Heading::id).contains(BY_END_OF_Y2);

        PortalUser officer = f.user("officer");
        String csv = mvc.perform(get("/la/collections/{id}/report.csv", thisYear).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(BY_END_OF_Y2 + ",Pupils meeting the phonics standard by the end of Year 2,5,3,60.0");

        // Elm: last year's return checked but not accepted, so not at hand.
        TestSchool elm = f.school("Elm Phonics Primary School");
        upload(f.request(elm, Collection.PHONICS, year - 1), ctf(elm, year - 1,
                pupil(elm, 1, "1", year - 7, year - 1, "36")));
        upload(f.request(elm, Collection.PHONICS, year), ctf(elm, year,
                pupil(elm, 2, "1", year - 6, year, "36")));

        Measures.Report withElm = measures.of(thisYear).orElseThrow();

        assertThat(withElm.school(elm.id(), BY_END_OF_Y2).orElseThrow().denominator()).as("not available").isNull();
        assertThat(withElm.la(BY_END_OF_Y2).orElseThrow().denominator()).as("not available").isNull();
        assertThat(withElm.school(oak.id(), BY_END_OF_Y2).orElseThrow().value()).isEqualTo(60.0);
        String page = mvc.perform(get("/la/collections/{id}/report", thisYear).with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Pupils meeting the phonics standard by the end of Year 2").contains("60%")
                .contains("Not available").contains("With no school census to hand")
                .contains("Last year&#39;s returns are those the LA accepted.");
        assertThat(lastYear).isNotEqualTo(thisYear);
    }

    private long phonicsCollection(int summerYear, int threshold) {
        long id = f.collection(Collection.PHONICS, summerYear);
        jdbc.sql("update collection set phonics_threshold = :t where id = :id").param("t", threshold)
                .param("id", id).update();
        return id;
    }

    private long upload(long requestId, String ctf) {
        long submission = intake.receive(Actor.system("test upload"), requestId,
                List.of(new UploadedFile("phonics.xml", ctf.getBytes(StandardCharsets.UTF_8))), null).submissionId();
        assertThat(f.awaitChecked(submission)).isEqualTo("CHECKED");
        await("request " + requestId + " checked").until(() -> f.status(requestId),
                s -> s == RequestStatus.CHECKED || s == RequestStatus.QUERIES_TO_EXPLAIN);
        return submission;
    }

    private static String pupil(TestSchool school, int serial, String ncYear, int bornIn, int summerYear,
            String result) {
        String upn = Upn.withCheckLetter(school.la() + school.estab() + "20" + String.format("%03d", serial));
        boolean code = !result.matches("\\d+");
        return """
                <Pupil>
                  <UPN>%s</UPN><Surname>Smith</Surname><Forename>Sam</Forename><DOB>%d-01-15</DOB><Sex>F</Sex>
                  <BasicDetails><NCyearActual>%s</NCyearActual></BasicDetails>
                  <StageAssessments><KeyStage><Stage>KS1</Stage>
                    <StageAssessment>
                      <Locale>ENG</Locale><Year>%d</Year><Subject>PHO</Subject><Method>TT</Method>
                      <Component>CHK</Component><ResultStatus>R</ResultStatus>%s<Result>%s</Result>
                    </StageAssessment>
                  </KeyStage></StageAssessments>
                </Pupil>
                """.formatted(upn, bornIn, ncYear, summerYear, code ? "<ResultQualifier>NY</ResultQualifier>" : "",
                result);
    }

    private static String ctf(TestSchool school, int summerYear, String... pupils) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CTfile>
                  <Header>
                    <DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>
                    <DateTime>%d-06-30T10:00:00</DateTime><DocumentQualifier>partial</DocumentQualifier>
                    <SupplierID>Test</SupplierID>
                    <SourceSchool><LEA>%s</LEA><Estab>%s</Estab><SchoolName>%s</SchoolName>
                      <AcademicYear>%d</AcademicYear></SourceSchool>
                    <DestSchool><LEA>%s</LEA><Estab>LLLL</Estab></DestSchool>
                  </Header>
                  <CTFpupilData>
                %s  </CTFpupilData>
                </CTfile>
                """.formatted(summerYear, school.la(), school.estab(), school.name(), summerYear - 1, school.la(),
                String.join("", pupils));
    }
}
