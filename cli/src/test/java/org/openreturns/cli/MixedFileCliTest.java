package org.openreturns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.engine.ctf.Upn;
import picocli.CommandLine;

/**
 * Files that are not one collection's return for this year: a whole phase's export (phonics and KS1 together), and
 * last summer's file checked in the autumn.
 */
class MixedFileCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A day in the summer term of 2025/26, when the 2026 collections run. */
    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-20T10:00:00Z"), ZoneId.of("UTC"));
    /** The autumn after: the current collection year is 2026/27. */
    private static final Clock AUTUMN_2026 = Clock.fixed(Instant.parse("2026-10-05T10:00:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(Clock clock, String... args) {
        CommandLine cli = OpenReturnsCli.commandLine(clock);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String upn(int n) {
        return Upn.withCheckLetter(String.format("801200024%03d", n));
    }

    private static String result(int year, String subject, String method, String component, String value) {
        return "<StageAssessment><Locale>ENG</Locale><Year>" + year + "</Year><Subject>" + subject + "</Subject>"
                + "<Method>" + method + "</Method><Component>" + component + "</Component>"
                + "<ResultStatus>R</ResultStatus><Result>" + value + "</Result></StageAssessment>";
    }

    private static String phonics(int year, String mark) {
        return "<KeyStage><Stage>KS1</Stage>" + result(year, "PHO", "TT", "CHK", mark) + "</KeyStage>";
    }

    private static String ks1(int year) {
        return "<KeyStage><Stage>KS1</Stage>" + result(year, "ENG", "TA", "READ", "EXS")
                + result(year, "ENG", "TA", "WRIT", "EXS") + result(year, "MAT", "TA", "MAT", "EXS")
                + result(year, "SCI", "TA", "SCI", "EXS") + "</KeyStage>";
    }

    private static String pupil(int n, int ncYear, String... keyStages) {
        return "<Pupil><UPN>" + upn(n) + "</UPN><Surname>Okafor</Surname><Forename>Amara</Forename><DOB>"
                + (2021 - ncYear) + "-01-15</DOB><Sex>F</Sex><BasicDetails><NCyearActual>" + ncYear
                + "</NCyearActual></BasicDetails><StageAssessments>" + String.join("", keyStages)
                + "</StageAssessments></Pupil>";
    }

    private Path file(String name, String... pupils) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile><Header><DocumentName>Common Transfer File"
                + "</DocumentName><CTFversion>25.0</CTFversion><DateTime>2026-06-20T14:05:31</DateTime>"
                + "<DocumentQualifier>partial</DocumentQualifier><SupplierID>Test MIS</SupplierID><SourceSchool>"
                + "<LEA>801</LEA><Estab>2000</Estab><URN>199999</URN><SchoolName>Example Primary School</SchoolName>"
                + "<AcademicYear>2025</AcademicYear></SourceSchool><DestSchool><LEA>801</LEA><Estab>LLLL</Estab>"
                + "</DestSchool></Header><CTFpupilData>" + String.join("", pupils) + "</CTFpupilData></CTfile>";
        return Files.writeString(dir.resolve(name), xml);
    }

    /** A Year 1/Year 2 export whose first pupil is in Year 2. */
    private Path yearOneAndTwo() throws IOException {
        List<String> pupils = new ArrayList<>();
        pupils.add(pupil(1, 2, phonics(2025, "36"), ks1(2026)));
        pupils.add(pupil(2, 2, phonics(2025, "20"), ks1(2026), phonics(2026, "33")));
        for (int i = 3; i <= 8; i++) {
            pupils.add(pupil(i, 1, phonics(2026, Integer.toString(20 + i))));
        }
        return file("y1y2.xml", pupils.toArray(String[]::new));
    }

    @Test
    void aMixedFileIsOneEntryPerCollectionUnderTheSameFileName() throws IOException {
        Run r = run(JUNE_2026, "validate", "--format", "json", yearOneAndTwo().toString());

        assertThat(r.exit()).as(r.out()).isZero();
        JsonNode files = JSON.readTree(r.out()).get("files");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).get("file").asText()).isEqualTo("y1y2.xml");
        assertThat(files.get(1).get("file").asText()).isEqualTo("y1y2.xml");
        assertThat(files.get(0).get("collection").asText()).isEqualTo("PHONICS");
        assertThat(files.get(0).get("pupils").asInt()).isEqualTo(7);
        assertThat(files.get(1).get("collection").asText()).isEqualTo("KS1");
        assertThat(files.get(1).get("pupils").asInt()).isEqualTo(2);
        assertThat(files.get(1).get("findings")).isEmpty();
    }

    @Test
    void summaryMeasuresEveryCollectionOfAMixedFile() throws IOException {
        Run r = run(JUNE_2026, "summary", "--format", "json", "--suppress-below", "0", yearOneAndTwo().toString());

        assertThat(r.exit()).isZero();
        List<String> totals = new ArrayList<>();
        for (JsonNode m : JSON.readTree(r.out()).get("measures")) {
            if (m.get("school").isNull()) {
                totals.add(m.get("id").asText() + "=" + m.get("numerator").asText() + "/"
                        + m.get("denominator").asText());
            }
        }
        // Year 1 marks 23 to 28, threshold 31: none met. KS1: two pupils.
        assertThat(totals).contains("phonics.y1MetPercent=0/6", "phonics.y2MetPercent=1/1");
        assertThat(totals).anyMatch(t -> t.startsWith("ks1.") && t.endsWith("/2"));
    }

    @Test
    void withoutYearTheCurrentCollectionYearIsCheckedAndLastYearsFileSaysHowToCheckIt() throws IOException {
        Path lastYear = file("phonics.xml", pupil(1, 1, phonics(2026, "35")), pupil(2, 1, phonics(2026, "30")));

        Run autumn = run(AUTUMN_2026, "validate", lastYear.toString());
        Run summer = run(JUNE_2026, "validate", lastYear.toString());

        assertThat(autumn.exit()).isEqualTo(1);
        assertThat(autumn.out()).contains("[file.resultsForAnotherYear]", "2026/27", "2025/26")
                .contains("--year 2026");
        assertThat(summer.exit()).as(summer.out()).isZero();
    }
}
