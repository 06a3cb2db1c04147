package org.openreturns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as scripts use it: exit codes, the JSON contract, and plain messages instead of stack traces. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path clean;

    @TempDir
    static Path faulty;

    record Run(int exit, String out, String err) {
    }

    /** The summer term of 2025/26, whose files the generator writes by default. */
    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-20T10:00:00Z"), ZoneId.of("UTC"));

    static Run run(String... args) {
        CommandLine cli = OpenReturnsCli.commandLine(JUNE_2026);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void generate() {
        assertThat(run("generate", "--out", clean.toString(), "--schools", "3", "--pupils-per-school", "12").exit())
                .isZero();
        assertThat(run("generate", "--out", faulty.toString(), "--schools", "4", "--pupils-per-school", "30",
                "--error-rate", "0.15", "--seed", "7").exit()).isZero();
    }

    @Test
    void cleanFilesValidateWithExitZeroAndNoFindings() throws IOException {
        Run r = run("validate", "--format", "json", clean.toString());
        assertThat(r.exit()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("files")).hasSizeGreaterThanOrEqualTo(12);
        for (JsonNode file : root.get("files")) {
            assertThat(file.get("findings")).isEmpty();
            assertThat(file.get("collection").asText()).isIn("EYFSP", "PHONICS", "KS1", "KS2_TA", "MTC");
            assertThat(file.get("school").get("la").asText()).isEqualTo("330");
            assertThat(file.get("school").get("estab").asText()).matches("\\d{4}");
            assertThat(file.get("school").get("urn").asText()).matches("\\d{6}");
            assertThat(file.get("ctfVersion").asText()).isEqualTo("25.0");
            assertThat(file.get("pupils").asInt()).isPositive();
        }
        assertThat(root.get("crossFile")).isEmpty();
    }

    @Test
    void injectedDefectsAreReportedInJsonWithExitOne() throws IOException {
        Run r = run("validate", "--format", "json", "--year", "2026", faulty.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode root = JSON.readTree(r.out());
        Set<String> found = new HashSet<>();
        for (JsonNode file : root.get("files")) {
            for (JsonNode f : file.get("findings")) {
                assertThat(f.get("severity").asText()).isIn("error", "query", "info");
                assertThat(f.get("message").asText()).isNotBlank();
                found.add(file.get("file").asText() + "," + text(f.get("upn")) + "," + f.get("code").asText() + ","
                        + text(f.get("item")));
            }
        }
        Set<String> expected = new HashSet<>();
        List<String> crossFileKeys = new ArrayList<>();
        for (String line : Files.readAllLines(faulty.resolve("answer-key.csv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("file,")) {
                continue;
            }
            if (line.contains("crossfile.")) {
                crossFileKeys.add(line);
            } else {
                expected.add(line);
            }
        }
        assertThat(found).isEqualTo(expected);
        assertThat(root.get("crossFile")).hasSize(crossFileKeys.size());
        JsonNode cross = root.get("crossFile").get(0);
        assertThat(cross.get("code").asText()).isEqualTo("crossfile.upnInTwoSchools");
        assertThat(cross.get("files")).hasSize(2);
        assertThat(cross.get("message").asText()).contains(cross.get("files").get(0).asText())
                .contains(cross.get("files").get(1).asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    @Test
    void anUnreadableFileIsReportedWithExitTwoAndNoStackTrace(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<CTfile>\n<Header><CTFversion>25.0</CTFversion>\n<Sour");
        Path good = Files.list(clean).filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
        Run r = run("validate", broken.toString(), good.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("broken.xml").contains("CANNOT BE READ").contains("ends too early")
                .contains(good.getFileName().toString());
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void textOutputNamesThePupilAndSaysWhatToDo() {
        Run r = run("validate", faulty.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ERROR [").contains("export the file again").contains("files checked");
    }

    @Test
    void aWrongOptionIsAUsageErrorNotAnUnreadableFile() {
        Run r = run("validate", "--format", "yaml", "x.xml");
        assertThat(r.exit()).isEqualTo(OpenReturnsCli.USAGE);
        assertThat(r.err()).contains("--format must be text or json");
    }

    @Test
    void summaryGivesEveryHeadlineMeasurePerSchoolAndTotal() throws IOException {
        Run r = run("summary", "--format", "json", "--year", "2026", clean.toString());
        assertThat(r.exit()).isZero();
        JsonNode measures = JSON.readTree(r.out()).get("measures");
        Set<String> ids = new HashSet<>();
        int totals = 0;
        for (JsonNode m : measures) {
            ids.add(m.get("id").asText());
            if (m.get("school").isNull()) {
                totals++;
            }
            JsonNode value = m.get("value");
            if (!value.isNull()) {
                assertThat(value.decimalValue().scale()).isLessThanOrEqualTo(1);
            }
        }
        assertThat(ids).contains("eyfsp.gld", "eyfsp.all17", "eyfsp.avgElgsExpected", "phonics.y1MetPercent",
                "phonics.y2MetPercent", "ks2.writingExsPlus", "ks2.writingGds", "ks2.scienceExs", "mtc.averageScore",
                "mtc.full25Percent");
        assertThat(totals).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theJsonSaysWhichPhonicsThresholdWasUsed() throws IOException {
        JsonNode files = JSON.readTree(run("validate", "--format", "json", "--year", "2026", clean.toString()).out())
                .get("files");
        int phonics = 0;
        for (JsonNode file : files) {
            if (file.get("collection").asText().equals("PHONICS")) {
                phonics++;
                assertThat(file.get("phonicsThreshold").asInt()).isEqualTo(31);
            } else {
                assertThat(file.get("phonicsThreshold").isNull()).isTrue();
            }
        }
        assertThat(phonics).isPositive();
        JsonNode summary = JSON.readTree(run("summary", "--format", "json", "--year", "2026", clean.toString()).out());
        assertThat(summary.get("phonicsThreshold").asInt()).isEqualTo(31);
    }

    @Test
    void summaryCountsARepeatedUpnOnceAndLeavesOutAnErroredResult(@TempDir Path dir) throws IOException {
        // Full marks twice for one UPN (upn.duplicate), and a score of 99 (an error): a clean return holds one
        // pupil at 25 and one at 10.
        String header = "<Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>"
                + "<DateTime>2026-06-20T14:05:31</DateTime><DocumentQualifier>partial</DocumentQualifier>"
                + "<SupplierID>Test MIS</SupplierID><SourceSchool><LEA>801</LEA><Estab>2000</Estab>"
                + "<SchoolName>Example Primary School</SchoolName><AcademicYear>2025</AcademicYear></SourceSchool>"
                + "<DestSchool><LEA>801</LEA><Estab>LLLL</Estab></DestSchool></Header>";
        String file = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile>" + header + "<CTFpupilData>"
                + mtcPupil("X801200024101", "25") + mtcPupil("X801200024101", "25")
                + mtcPupil("L801200024102", "10") + mtcPupil("E801200018301", "99")
                + "</CTFpupilData></CTfile>\n";
        Files.writeString(dir.resolve("8012000_CTF_801LLLL_001.xml"), file);

        Run r = run("summary", "--format", "json", "--year", "2026", "--suppress-below", "0", dir.toString());

        JsonNode full = null;
        for (JsonNode m : JSON.readTree(r.out()).get("measures")) {
            if (m.get("id").asText().equals("mtc.full25Percent") && m.get("school").isNull()) {
                full = m;
            }
        }
        assertThat(full).isNotNull();
        assertThat(full.get("denominator").asInt()).isEqualTo(2);
        assertThat(full.get("numerator").asInt()).isEqualTo(1);
    }

    private static String mtcPupil(String upn, String score) {
        return "<Pupil><UPN>" + upn + "</UPN><Surname>Okafor</Surname><Forename>Amara</Forename>"
                + "<DOB>2016-01-15</DOB><Sex>F</Sex><BasicDetails><NCyearActual>4</NCyearActual></BasicDetails>"
                + "<StageAssessments><KeyStage><Stage>KS2</Stage><StageAssessment><Locale>ENG</Locale>"
                + "<Year>2026</Year><Subject>MAT</Subject><Method>TT</Method><Component>MTC</Component>"
                + "<ResultStatus>R</ResultStatus><ResultQualifier>MT</ResultQualifier><Result>" + score
                + "</Result></StageAssessment></KeyStage></StageAssessments></Pupil>";
    }

    @Test
    void benchPrintsTheRatioLast() {
        Run r = run("bench", "--schools", "2", "--pupils-per-school", "5", "--rounds", "1");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("validate/parse ratio: \\d+\\.\\d\\d");
        assertThat(r.out()).contains("pupils/s").contains("MB/s").contains("peak heap");
    }
}
