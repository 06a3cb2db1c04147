package org.openreturns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.engine.ctf.Upn;

/**
 * {@code summary --previous}: last year's phonics files make the re-check rate count eligible re-takers only and give
 * the DfE's "met by the end of Year 2" (reference/rules.md §3), worked here by hand on one school.
 *
 * <p>Last year (2024/25, threshold 32), Year 1: U1 35 met, U2 20, U3 A, U4 33 met. This year (2025/26, threshold 31),
 * Year 1: U5 35; Year 2: U2 31 met, U4 34 (already met in Year 1), U6 10 (new to the school). Re-check rate: U2 U6,
 * 1 of 2. By the end of Year 2: U1 U2 U3 U4 U6, met U1 U2 U4: 3 of 5 = 60%.
 */
class SummaryPreviousTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path lastYear;
    static Path thisYear;

    private static String upn(int serial) {
        return Upn.withCheckLetter("330200119" + String.format("%03d", serial));
    }

    private static String pupil(int serial, String ncYear, String dob, String summerYear, String result) {
        boolean code = !result.matches("\\d+");
        return """
                <Pupil>
                  <UPN>%s</UPN><Surname>Smith</Surname><Forename>Sam</Forename><DOB>%s</DOB><Sex>F</Sex>
                  <BasicDetails><NCyearActual>%s</NCyearActual></BasicDetails>
                  <StageAssessments><KeyStage><Stage>KS1</Stage>
                    <StageAssessment>
                      <Locale>ENG</Locale><Year>%s</Year><Subject>PHO</Subject><Method>TT</Method>
                      <Component>CHK</Component><ResultStatus>R</ResultStatus>%s<Result>%s</Result>
                    </StageAssessment>
                  </KeyStage></StageAssessments>
                </Pupil>
                """.formatted(upn(serial), dob, ncYear, summerYear,
                code ? "<ResultQualifier>NY</ResultQualifier>" : "", result);
    }

    private static String ctf(int startYear, String... pupils) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CTfile>
                  <Header>
                    <DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>
                    <DateTime>%d-06-30T10:00:00</DateTime><DocumentQualifier>partial</DocumentQualifier>
                    <SupplierID>Test</SupplierID>
                    <SourceSchool><LEA>330</LEA><Estab>2001</Estab><SchoolName>Oak Primary</SchoolName>
                      <AcademicYear>%d</AcademicYear></SourceSchool>
                    <DestSchool><LEA>330</LEA><Estab>LLLL</Estab></DestSchool>
                  </Header>
                  <CTFpupilData>
                %s  </CTFpupilData>
                </CTfile>
                """.formatted(startYear + 1, startYear, String.join("", pupils));
    }

    @BeforeAll
    static void write() throws IOException {
        lastYear = Files.writeString(dir.resolve("phonics-2025.xml"), ctf(2024,
                pupil(1, "1", "2019-01-10", "2025", "35"),
                pupil(2, "1", "2019-02-10", "2025", "20"),
                pupil(3, "1", "2019-03-10", "2025", "A"),
                pupil(4, "1", "2019-04-10", "2025", "33")));
        thisYear = Files.writeString(dir.resolve("phonics-2026.xml"), ctf(2025,
                pupil(5, "1", "2020-01-10", "2026", "35"),
                pupil(2, "2", "2019-02-10", "2026", "31"),
                pupil(4, "2", "2019-04-10", "2026", "34"),
                pupil(6, "2", "2019-06-10", "2026", "10")));
    }

    private static JsonNode measure(JsonNode root, String id, String school) {
        for (JsonNode m : root.get("measures")) {
            if (m.get("id").asText().equals(id) && (school == null ? m.get("school").isNull()
                    : school.equals(m.get("school").asText()))) {
                return m;
            }
        }
        throw new AssertionError("No " + id + " for " + school + " in " + root);
    }

    @Test
    void lastYearsFilesGiveTheMeasureByTheEndOfYear2AndTheEligibleRecheckRate() throws IOException {
        Run r = run("summary", "--format", "json", "--suppress-below", "0", "--previous", lastYear.toString(),
                thisYear.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        JsonNode byEndOfY2 = measure(root, "phonics.byEndOfY2MetPercent", "3302001");
        assertThat(byEndOfY2.get("numerator").asLong()).isEqualTo(3);
        assertThat(byEndOfY2.get("denominator").asLong()).isEqualTo(5);
        assertThat(byEndOfY2.get("value").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(measure(root, "phonics.byEndOfY2MetPercent", null).get("value").decimalValue())
                .isEqualByComparingTo("60.0");
        JsonNode recheck = measure(root, "phonics.y2MetPercent", "3302001");
        assertThat(recheck.get("numerator").asLong()).isEqualTo(1);
        assertThat(recheck.get("denominator").asLong()).isEqualTo(2);
        assertThat(root.get("cohorts").get(0).get("id").asText()).isEqualTo("phonics.byEndOfY2MetPercent");
        assertThat(root.get("cohorts").get(0).get("basis").asText()).contains("census");
    }

    @Test
    void withoutPreviousTheOutputKeepsItsShapeAndTheTextSaysTheMeasureIsNotAvailable() throws IOException {
        Run json = run("summary", "--format", "json", "--suppress-below", "0", thisYear.toString());
        Run text = run("summary", "--suppress-below", "0", thisYear.toString());

        JsonNode root = JSON.readTree(json.out());
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("measures", "phonicsThreshold");
        for (JsonNode m : root.get("measures")) {
            assertThat(m.get("id").asText()).isNotEqualTo("phonics.byEndOfY2MetPercent");
        }
        assertThat(measure(root, "phonics.y2MetPercent", "3302001").get("denominator").asLong()).isEqualTo(3);
        assertThat(text.out()).contains("by the end of Year 2: not available (x)").doesNotContain("| 0");
    }

    @Test
    void previousFilesOfTheWrongYearAreNamed() {
        Run r = run("summary", "--suppress-below", "0", "--previous", thisYear.toString(), thisYear.toString());

        assertThat(r.err()).contains("the year before 2025/26 is 2024/25");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CliTest.Run r = CliTest.run(args);
        return new Run(r.exit(), r.out(), r.err());
    }
}
