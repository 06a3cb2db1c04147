package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.measures.Fixtures.find;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;

/** Measures counted while real CTF text is validated, as the CLI and server use them. */
class MeasuresEndToEndTest {

    private static String phonicsPupil(String upn, String ncYear, String dob, String... results) {
        StringBuilder assessments = new StringBuilder();
        for (String result : results) {
            boolean code = !result.matches("\\d+");
            assessments.append("""
                      <StageAssessment>
                        <Locale>ENG</Locale><Year>2026</Year><Subject>PHO</Subject><Method>TT</Method>
                        <Component>CHK</Component><ResultStatus>R</ResultStatus>%s<Result>%s</Result>
                      </StageAssessment>
                    """.formatted(code ? "<ResultQualifier>NY</ResultQualifier>" : "", result));
        }
        return """
                <Pupil>
                  <UPN>%s</UPN><Surname>Smith</Surname><Forename>Sam</Forename><DOB>%s</DOB><Sex>F</Sex>
                  <BasicDetails><NCyearActual>%s</NCyearActual></BasicDetails>
                  <StageAssessments><KeyStage><Stage>KS1</Stage>
                %s  </KeyStage></StageAssessments>
                </Pupil>
                """.formatted(upn, dob, ncYear, assessments);
    }

    private static String ctf(String estab, String... pupils) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CTfile>
                  <Header>
                    <DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>
                    <DateTime>2026-06-30T10:00:00</DateTime><DocumentQualifier>partial</DocumentQualifier>
                    <SupplierID>Test</SupplierID>
                    <SourceSchool><LEA>330</LEA><Estab>%s</Estab><SchoolName>School %s</SchoolName>
                      <AcademicYear>2025</AcademicYear></SourceSchool>
                    <DestSchool><LEA>330</LEA><Estab>LLLL</Estab></DestSchool>
                  </Header>
                  <CTFpupilData>
                %s  </CTFpupilData>
                </CTfile>
                """.formatted(estab, estab, String.join("", pupils));
    }

    private static FileReport validate(MeasureBook book, String key, String xml) {
        ReturnValidator validator = new ReturnValidator(new CtfReader(), ValidationOptions.defaults());
        return validator.validate(key + ".xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                book.school(key));
    }

    @Test
    void phonicsReturnsOfTwoSchoolsGiveSchoolAndTotalMeasures() {
        MeasureBook book = new MeasureBook(Suppression.none());
        // 2026 threshold 31 (PhonicsThresholds). School 1: Year 1 marks 35, 20 and A, a leaver; Year 2 re-check 31.
        FileReport first = validate(book, "3302001", ctf("2001",
                phonicsPupil("A330200126001", "1", "2020-01-10", "35", "Wa"),
                phonicsPupil("B330200126002", "1", "2020-02-10", "20"),
                phonicsPupil("C330200126003", "1", "2020-03-10", "A"),
                phonicsPupil("D330200126004", "1", "2020-04-10", "L"),
                phonicsPupil("E330200126005", "2", "2019-04-10", "31")));
        // School 2: Year 1 marks 40 and 31.
        FileReport second = validate(book, "3302002", ctf("2002",
                phonicsPupil("F330200226001", "1", "2020-01-10", "40"),
                phonicsPupil("G330200226002", "1", "2020-05-10", "31")));

        assertThat(first.collection()).isEqualTo(Collection.PHONICS);
        assertThat(second.pupils()).isEqualTo(2);
        List<MeasureValue> values = book.results();
        MeasureValue school1 = find(values, "3302001", "phonics.y1MetPercent");
        assertThat(school1.numerator()).isEqualTo(1);
        assertThat(school1.denominator()).isEqualTo(3);
        assertThat(find(values, "3302001", "phonics.y2MetPercent").value()).isEqualTo(100.0);
        MeasureValue school2 = find(values, "3302002", "phonics.y1MetPercent");
        assertThat(school2.value()).isEqualTo(100.0);
        MeasureValue total = find(values, null, "phonics.y1MetPercent");
        assertThat(total.numerator()).isEqualTo(3);
        assertThat(total.denominator()).isEqualTo(5);
        assertThat(total.value()).isEqualTo(60.0);
        assertThat(find(values, "3302002", "phonics.y2MetPercent").denominator()).isZero();
        // Without last year's returns the measure by the end of Year 2 is there, but not available.
        assertThat(find(values, null, "phonics.byEndOfY2MetPercent").available()).isFalse();
        assertThat(values).extracting(MeasureValue::school).containsExactly("3302001", "3302001", "3302001",
                "3302002", "3302002", "3302002", null, null, null);
    }
}
