package org.openreturns.server.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openreturns.server.testing.Eventually.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.Upn;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.submissions.Receipt;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.openreturns.server.testing.Ctf;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The LA's list of expected pupils (returns.md §5): loaded from a CSV or census CTFs with every refused row named,
 * replacing the list before it; compared with each school's return, already sent or new, as queries the school
 * explains; and a new version that drops pupils of the last names them.
 */
@PortalTest
class ExpectedCohortTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    Fixtures f;

    @Test
    void aCsvKeepsItsGoodRowsAndSaysWhichRowsWereRefusedAndWhy() throws Exception {
        long collection = f.collection(Collection.KS2_TA);
        TestSchool alpha = f.school(collection, "Cohort Alpha Primary");
        TestSchool beta = f.school(collection, "Cohort Beta Primary");
        long gamma = f.primary("Cohort Gamma Primary");
        String gammaUrn = jdbc.sql("select urn from school where id = :id").param("id", gamma).query(String.class)
                .single();
        String amy = upn(alpha, "001");
        String ben = upn(beta, "002");
        String wrongLetter = (amy.charAt(0) == 'A' ? "B" : "A") + amy.substring(1);
        String csv = String.join("\r\n",
                "UPN,School,NC year,Surname,Forename",
                amy + "," + alpha.la() + alpha.estab() + ",6,Smith,Amy",
                ben + "," + beta.la() + "/" + beta.estab() + ",Year 6,Jones,Ben",
                upn(alpha, "003") + "," + gammaUrn + ",6,,",
                wrongLetter + "," + alpha.la() + alpha.estab() + ",6,Wrong,Letter",
                upn(alpha, "004") + ",3309999,6,Lost,School",
                upn(alpha, "005") + "," + alpha.la() + alpha.estab() + ",,No,Year",
                amy + "," + beta.la() + beta.estab() + ",6,Smith,Amy",
                upn(alpha, "006") + "," + alpha.la() + alpha.estab() + ",4,Year,Four",
                upn(alpha, "007") + "," + alpha.la() + alpha.estab() + ",Q,Odd,Year",
                "");
        long loadsBefore = f.audits("COHORT_LOADED", "collection " + collection);

        String page = load(collection, file("cohort.csv", csv));

        assertThat(page).contains("cohort.csv loaded: 3 pupils expected at 3 schools.")
                .contains("cohort.csv, line 5: UPN " + wrongLetter + " has the wrong check letter")
                .contains("cohort.csv, line 7: UPN " + upn(alpha, "005") + " has no NC year.")
                .contains("cohort.csv, line 8: UPN " + amy + " is also at cohort.csv, line 2")
                .contains("cohort.csv, line 10: UPN " + upn(alpha, "007") + " has NC year &#39;Q&#39;")
                .contains("&#39;3309999&#39; (1 row: cohort.csv, line 6): no school in the portal has that URN")
                .contains("1 pupil was in year groups this collection does not assess")
                .contains("Cohort Alpha Primary").contains("Cohort Gamma Primary");
        assertThat(f.audits("COHORT_LOADED", "collection " + collection)).isEqualTo(loadsBefore + 1);
        assertThat(expectedUpns(collection, alpha.id())).containsExactly(amy);
        assertThat(expectedUpns(collection, beta.id())).containsExactly(ben);
        assertThat(expectedUpns(collection, gamma)).containsExactly(upn(alpha, "003"));

        // A new list replaces the old one whole.
        load(collection, file("cohort-2.csv", "URN,UPN,Year group\r\n" + gammaUrn + "," + ben + ",6\r\n"));
        assertThat(expectedUpns(collection, alpha.id())).isEmpty();
        assertThat(expectedUpns(collection, beta.id())).isEmpty();
        assertThat(expectedUpns(collection, gamma)).containsExactly(ben);
        mvc.perform(get("/la/collections/{id}/cohort", collection).with(user(f.user("officer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 pupil expected, loaded from cohort-2.csv")));
    }

    @Test
    void aFileThatIsNoListChangesNothingAndSaysWhy() throws Exception {
        long collection = f.collection(Collection.MTC);
        TestSchool school = f.school(collection, "Cohort Unchanged Primary");
        load(collection, file("good.csv", "UPN,School,NC year\r\n" + upn(school, "001") + "," + school.la()
                + school.estab() + ",4\r\n"));

        for (MockMultipartFile bad : List.of(file("pupils.csv", "Name,Class\r\nAmy,4B\r\n"),
                file("census.xml", "<?xml version=\"1.0\"?><Message><Header><CollectionDetails><Collection>SC"
                        + "</Collection></CollectionDetails></Header></Message>"),
                file("broken.xml", "<CTfile><Header><SourceSchool>"),
                new MockMultipartFile("file", "picture.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F', 0, 1}),
                file("heading-only.csv", "UPN,School,NC year\r\n"), file("empty.csv", ""))) {
            mvc.perform(multipart("/la/collections/{id}/cohort", collection).file(bad)
                            .with(user(f.user("officer"))).with(csrf()))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).isLessThan(500));
            assertThat(expectedUpns(collection, school.id())).as(bad.getOriginalFilename())
                    .containsExactly(upn(school, "001"));
        }
        mvc.perform(multipart("/la/collections/{id}/cohort", collection)
                        .file(file("pupils.csv", "Name,Class\r\nAmy,4B\r\n"))
                        .with(user(f.user("officer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("pupils.csv is not a cohort list the portal can read")))
                .andExpect(content().string(containsString("Nothing was loaded")));
        mvc.perform(multipart("/la/collections/{id}/cohort", collection)
                        .file(file("census.xml", "<Message><Header><CollectionDetails/></Header></Message>"))
                        .with(user(f.user("officer"))).with(csrf()))
                .andExpect(content().string(containsString("census.xml is a school census return (CBDS XML)")));
        mvc.perform(multipart("/la/collections/{id}/cohort", collection).with(user(f.user("officer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose the census CTF files or the CSV file")));
    }

    @Test
    void censusCtfsGiveEachSchoolItsPupilsFromTheirHeader() throws Exception {
        long collection = f.collection(Collection.EYFSP);
        int year = f.year(collection);
        TestSchool one = f.school(collection, "Cohort CTF One Primary");
        TestSchool two = f.school(collection, "Cohort CTF Two Primary");
        byte[] first = Ctf.of(one, Collection.EYFSP, year, 4, UnaryOperator.identity());
        byte[] second = Ctf.of(two, Collection.EYFSP, year, 3, pupils -> pupils.stream().map(p -> new CtfPupil(
                upn(two, p.upn().substring(10)), p.surname(), p.forename(), p.dob(), p.sex(), p.ncYearActual(),
                p.assessments(), p.line())).toList());

        String page = load(collection, new MockMultipartFile("file", "one.xml", "text/xml", first),
                new MockMultipartFile("file", "two.xml", "text/xml", second));

        assertThat(page).contains("one.xml, two.xml loaded: 7 pupils expected at 2 schools.");
        assertThat(expectedUpns(collection, one.id())).hasSize(4);
        assertThat(expectedUpns(collection, two.id())).hasSize(3);
    }

    @Test
    void schoolsAndModeratorsCannotLoadAList() throws Exception {
        long collection = f.collection(Collection.KS1);
        TestSchool school = f.school(collection, "Cohort Forbidden Primary");
        MockMultipartFile csv = file("mine.csv", "UPN,School,NC year\r\n" + upn(school, "001") + "," + school.la()
                + school.estab() + ",2\r\n");
        mvc.perform(multipart("/la/collections/{id}/cohort", collection).file(csv).with(user(school.head()))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(multipart("/la/collections/{id}/cohort", collection).file(csv).with(user(f.user("moderator")))
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(expectedUpns(collection, school.id())).isEmpty();
    }

    @Test
    void aReturnAlreadyCheckedGetsQueriesForMissingAndUnexpectedPupilsWhichTheSchoolExplains() throws Exception {
        long collection = f.collection(Collection.KS2_TA);
        int year = f.year(collection);
        TestSchool school = f.school(collection, "Cohort Compared Primary");
        TestSchool other = f.school(collection, "Cohort Neighbour Primary");
        long first = upload(school, Ctf.of(school, Collection.KS2_TA, year, 10, UnaryOperator.identity()));
        assertThat(f.findingCodes(first)).noneMatch(code -> code.startsWith("cohort."));
        assertThat(f.requestStatus(school.requestId())).isEqualTo("CHECKED");
        List<String> pupils = pupilUpns(first);

        String missing = upn(school, "901");
        StringBuilder csv = new StringBuilder("UPN,School,NC year,Forename,Surname\r\n");
        pupils.subList(0, 8).forEach(upn -> csv.append(upn).append(',').append(school.la()).append(school.estab())
                .append(",6,,\r\n"));
        csv.append(missing).append(',').append(school.la()).append(school.estab()).append(",6,Mabel,Missing\r\n");
        csv.append(upn(other, "902")).append(',').append(other.la()).append(other.estab())
                .append(",6,Zebedee,Otherschool\r\n");
        load(collection, file("expected.csv", csv.toString()));

        await("the return checked against the new list").until(() -> f.findingCodes(first),
                codes -> codes.contains("cohort.missing"));
        List<Map<String, Object>> queries = jdbc.sql("""
                select id, code, upn, message from finding where submission_id = :s and code like 'cohort.%'
                order by code, upn""").param("s", first).query().listOfRows();
        assertThat(queries).extracting(q -> q.get("code") + " " + q.get("upn")).containsExactlyInAnyOrder(
                "cohort.missing " + missing, "cohort.unexpected " + pupils.get(8),
                "cohort.unexpected " + pupils.get(9));
        assertThat((String) queries.get(0).get("message")).startsWith("Mabel Missing (UPN " + missing + ", Year 6)"
                + " is on the LA's list of pupils expected in this return");
        assertThat(f.requestStatus(school.requestId())).isEqualTo("QUERIES_TO_EXPLAIN");
        mvc.perform(get("/submissions/{id}", first).with(user(school.head())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mabel Missing")))
                .andExpect(content().string(not(containsString("Otherschool"))));

        for (Map<String, Object> query : queries) {
            mvc.perform(post("/submissions/{s}/findings/{f}/explanation", first, query.get("id"))
                            .param("explanation", "Mabel left for another school in May; the others joined in June.")
                            .with(user(school.head())).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(f.requestStatus(school.requestId())).isEqualTo("CHECKED");
    }

    @Test
    void aNewVersionWithFewerPupilsNamesThePupilsItDropped() throws Exception {
        long collection = f.collection(Collection.KS2_TA);
        int year = f.year(collection);
        TestSchool school = f.school(collection, "Cohort Shrinking Primary");
        long first = upload(school, Ctf.of(school, Collection.KS2_TA, year, 10, UnaryOperator.identity()));
        record Pupil(String upn, String forename, String surname) {
        }
        List<Pupil> pupils = jdbc.sql("select upn, forename, surname from pupil_result where submission_id = :s"
                + " order by id").param("s", first).query(Pupil.class).list();

        long second = upload(school, Ctf.of(school, Collection.KS2_TA, year, 10, list -> list.subList(0, 8)));

        List<String> messages = jdbc.sql("""
                select message from finding where submission_id = :s and code = 'cohort.droppedOut'
                and severity = 'query' order by upn""").param("s", second).query(String.class).list();
        assertThat(messages).hasSize(2);
        assertThat(String.join("\n", messages)).contains(pupils.get(8).forename() + " " + pupils.get(8).surname()
                + " (UPN " + pupils.get(8).upn() + ") was in version 1 of this return but is not in version 2")
                .contains(pupils.get(9).forename() + " " + pupils.get(9).surname() + " (UPN "
                        + pupils.get(9).upn() + ")");
        assertThat(f.requestStatus(school.requestId())).isEqualTo("QUERIES_TO_EXPLAIN");
    }

    private String load(long collection, MockMultipartFile... files) throws Exception {
        var request = multipart("/la/collections/{id}/cohort", collection);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        MvcResult posted = mvc.perform(request.with(user(f.user("officer"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        return mvc.perform(get("/la/collections/{id}/cohort", collection).with(user(f.user("officer")))
                        .cookie(posted.getResponse().getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long upload(TestSchool school, byte[] ctf) {
        Receipt receipt = intake.receive(Actor.system("cohort test"), school.requestId(),
                List.of(new UploadedFile("KS2.xml", ctf)), null);
        f.awaitChecked(receipt.submissionId());
        return receipt.submissionId();
    }

    private List<String> pupilUpns(long submission) {
        return jdbc.sql("select upn from pupil_result where submission_id = :s order by id").param("s", submission)
                .query(String.class).list();
    }

    private List<String> expectedUpns(long collection, long school) {
        return jdbc.sql("select upn from expected_pupil where collection_id = :c and school_id = :s order by upn")
                .param("c", collection).param("s", school).query(String.class).list();
    }

    /** A valid UPN of the school's own numbers, distinct by serial. */
    private static String upn(TestSchool school, String serial) {
        return Upn.withCheckLetter(school.la() + school.estab() + "19" + serial);
    }

    private static MockMultipartFile file(String name, String text) {
        return new MockMultipartFile("file", name, name.endsWith(".csv") ? "text/csv" : "text/xml",
                text.getBytes(StandardCharsets.UTF_8));
    }
}
