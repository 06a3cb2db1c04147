package org.openreturns.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.TestCtf;
import org.openreturns.engine.rules.AssessedPupil;

/**
 * Files that are broken, or built to attack the reader. Each must end in a report with one read error that says what
 * is wrong (and where, when there is a place), never an exception, a hang or a leak of what the attack reached for.
 * The timeout is there so that a hang fails rather than blocks the build.
 */
@Timeout(20)
class HostileFileTest {

    private static final String PUPIL = TestCtf.pupil(TestCtf.UPN_1, "4", TestCtf.mtc(2026, "21"));

    private final List<AssessedPupil> seen = new ArrayList<>();

    private CtfReadException refused(CtfReader reader, byte[] bytes) {
        FileReport report = new ReturnValidator(reader, ValidationOptions.defaults())
                .validate("8012000_MTC_801LLLL_001.xml", new ByteArrayInputStream(bytes), (c, p) -> seen.add(p));
        assertThat(report.readable()).isFalse();
        assertThat(report.readError()).isNotNull();
        assertThat(report.findings()).isEmpty();
        assertThat(report.header()).isNull();
        assertThat(report.collection()).isNull();
        return report.readError();
    }

    private CtfReadException refused(byte[] bytes) {
        return refused(new CtfReader(), bytes);
    }

    private CtfReadException refused(String xml) {
        return refused(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void externalEntityIsNeverResolved() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE CTfile [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                + "<CTfile>" + TestCtf.header("25.0", "2025") + "<CTFpupilData><Pupil><UPN>" + TestCtf.UPN_1
                + "</UPN><Surname>&xxe;</Surname></Pupil></CTFpupilData></CTfile>";

        CtfReadException e = refused(xml);

        assertThat(e.getMessage()).contains("DOCTYPE", "refused").doesNotContain("root:", "/bin/", "passwd");
        assertThat(e.line()).isEqualTo(2);
        assertThat(seen).isEmpty();
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd + "<CTfile>" + TestCtf.header("25.0", "2025")
                + "<CTFpupilData><Pupil><Surname>&lol9;</Surname></Pupil></CTFpupilData></CTfile>";

        CtfReadException e = refused(xml);

        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("lollol");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void externalDtdIsNeitherFetchedNorAccepted() {
        String xml = "<?xml version=\"1.0\"?>\n\n<!DOCTYPE CTfile SYSTEM \"file:///etc/passwd\">\n"
                + TestCtf.file2026(PUPIL).substring(TestCtf.file2026(PUPIL).indexOf("<CTfile>"));

        CtfReadException e = refused(xml);

        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void undeclaredEntityIsRefusedAtItsLine() {
        String xml = TestCtf.file2026(PUPIL, "<Pupil><UPN>" + TestCtf.UPN_2 + "</UPN>\n<Surname>Smith&foo;</Surname>"
                + "</Pupil>");
        int line = lineOf(xml, "&foo;");

        CtfReadException e = refused(xml);

        assertThat(e.getMessage()).contains("entity", "foo", "line " + line);
        assertThat(e.line()).isEqualTo(line);
    }

    @Test
    void undeclaredEntityInAnElementTheReaderSkipsIsRefusedToo() {
        String xml = TestCtf.file2026(PUPIL.replace("<StageAssessments>", "<Address>&foo;</Address><StageAssessments>"));

        assertThat(refused(xml).getMessage()).contains("entity", "foo");
    }

    @Test
    void fileOverTheSizeLimitIsRefused() {
        String big = TestCtf.file2026(PUPIL, PUPIL.replace(TestCtf.UPN_1, TestCtf.UPN_2),
                PUPIL.replace(TestCtf.UPN_1, TestCtf.UPN_3));
        assertThat(big.length()).isGreaterThan(1800);

        CtfReadException midway = refused(new CtfReader(1500), big.getBytes(StandardCharsets.UTF_8));
        CtfReadException atOnce = refused(new CtfReader(100), big.getBytes(StandardCharsets.UTF_8));

        assertThat(midway.getMessage()).contains("larger than the limit", "1500 bytes");
        assertThat(atOnce.getMessage()).contains("larger than the limit", "100 bytes");
        assertThat(new CtfReader().maxBytes()).isEqualTo(CtfReader.DEFAULT_MAX_BYTES);
    }

    @Test
    void mismatchedTagGivesLineAndColumn() {
        String xml = TestCtf.file2026(PUPIL, "<Pupil>\n  <UPN>" + TestCtf.UPN_2 + "</Surname>\n</Pupil>");
        int line = lineOf(xml, "</Surname>");

        CtfReadException e = refused(xml);

        assertThat(e.getMessage()).contains("not well-formed", "line " + line + ", column", "</Surname>");
        assertThat(e.line()).isEqualTo(line);
        // Woodstox points into the offending close tag, which starts after the UPN.
        int tagStart = "  <UPN>".length() + TestCtf.UPN_2.length() + 1;
        assertThat(e.column()).isBetween(tagStart, tagStart + "</Surname>".length());
    }

    @Test
    void fileCutOffInTheMiddleOfAPupil() {
        String whole = TestCtf.file2026(PUPIL, PUPIL.replace(TestCtf.UPN_1, TestCtf.UPN_2));
        String cut = whole.substring(0, whole.lastIndexOf("<Surname>") + 5);

        CtfReadException e = refused(cut);

        assertThat(e.getMessage()).contains("ends too early", "cut off", "line " + lineCount(cut));
        assertThat(e.line()).isEqualTo(lineCount(cut));
    }

    @Test
    void fileCutOffAfterTheLastPupilIsStillReportedAsCutOff() {
        String whole = TestCtf.file2026(PUPIL);
        String cut = whole.substring(0, whole.indexOf("</CTFpupilData>"));

        CtfReadException e = refused(cut);

        assertThat(e.getMessage()).contains("ends too early");
    }

    @Test
    void emptyFile() {
        CtfReadException e = refused(new byte[0]);

        assertThat(e.getMessage()).contains("empty (0 bytes)");
        assertThat(e.line()).isZero();
    }

    @Test
    void whitespaceOnlyFile() {
        assertThat(refused(" \r\n\t\n   \n").getMessage()).contains("only blank space");
        assertThat(refused(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}).getMessage())
                .contains("only blank space");
    }

    @Test
    void binaryGarbage() {
        byte[] bytes = new byte[4096];
        new java.util.Random(42).nextBytes(bytes);
        bytes[0] = (byte) 0x89;

        assertThat(refused(bytes).getMessage()).contains("not an XML file");
    }

    @Test
    void binaryGarbageThatStartsLikeXml() {
        byte[] bytes = "<CTfile><Header>\u0000\u0001\u0002\u0003".getBytes(StandardCharsets.UTF_8);

        CtfReadException e = refused(bytes);

        assertThat(e.getMessage()).contains("not valid text", "line 1");
    }

    @Test
    void wrongEncodingForTheDeclarationIsNamed() {
        // A windows-1252 curly apostrophe (0x92) in a file that says it is UTF-8.
        byte[] bytes = TestCtf.file2026("<Pupil><UPN>" + TestCtf.UPN_1 + "</UPN><Surname>O’Brien</Surname></Pupil>")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        assertThat(refused(bytes).getMessage()).contains("not valid text", "encoding");
    }

    @Test
    void zipArchive() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("8012000_CTF_801LLLL_001.xml"));
            zip.write(TestCtf.file2026(PUPIL).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(refused(zipped.toByteArray()).getMessage()).contains("zip archive", "Unzip");
    }

    @Test
    void pdfDocument() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(refused(pdf).getMessage()).contains("PDF document");
    }

    @Test
    void xmlThatIsNotACtf() {
        CtfReadException e = refused("<?xml version=\"1.0\"?>\n<html><body><p>Results</p></body></html>");

        assertThat(e.getMessage()).contains("not a Common Transfer File", "<html>");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void ctfWithoutHeader() {
        CtfReadException e = refused("<?xml version=\"1.0\"?><CTfile><CTFpupilData>" + PUPIL
                + "</CTFpupilData></CTfile>");

        assertThat(e.getMessage()).contains("no <Header>");
    }

    @Test
    void tenThousandLevelsOfNestingAreRefusedWithoutStackOverflow() {
        String deep = "<Nest>".repeat(10_000) + "x" + "</Nest>".repeat(10_000);
        String xml = TestCtf.file2026(PUPIL.replace("<StageAssessments>", deep + "<StageAssessments>"));

        CtfReadException e = refused(xml);

        assertThat(e.getMessage()).contains("far larger than any CTF", "line ");
        assertThat(e.line()).isPositive();
    }

    @Test
    void hugeTextInAValueTheReaderKeepsIsRefused() {
        String xml = TestCtf.file2026("<Pupil><UPN>" + TestCtf.UPN_1 + "</UPN><Surname>" + "A".repeat(1_100_000)
                + "</Surname></Pupil>");

        assertThat(refused(xml).getMessage()).contains("far larger than any CTF", "Text size limit");
    }

    @Test
    void hugeTextInAnElementTheReaderSkipsIsRefused() {
        String xml = TestCtf.file2026(PUPIL.replace("<StageAssessments>", "<Photo>" + "QUJD".repeat(300_000)
                + "</Photo><StageAssessments>"));

        assertThat(refused(xml).getMessage()).contains("far larger than any CTF", "Text size limit");
    }

    @Test
    void pupilWithMillionsOfResultsIsRefusedBeforeFillingMemory() {
        String one = TestCtf.result(2026, "MAT", "TT", "MTC", "MT", "1");
        String xml = TestCtf.file2026(PUPIL, "<Pupil><UPN>" + TestCtf.UPN_2 + "</UPN>\n<StageAssessments><KeyStage>"
                + "<Stage>KS2</Stage>" + one.repeat(12_000) + "</KeyStage></StageAssessments></Pupil>");

        CtfReadException e = refused(xml);

        assertThat(e.getMessage()).contains("far larger than any CTF", "for one pupil");
        assertThat(e.line()).isEqualTo(lineOf(xml, "<StageAssessments><KeyStage>"));
    }

    @Test
    void pupilsHeldBackToDecideTheCollectionAreBoundedByTheirResultsToo() {
        // 30 pupils of 2,000 earlier-year results each pass the hold-back bound before the one with this year's.
        String history = TestCtf.keyStage("KS2", TestCtf.result(2024, "MAT", "TT", "MTC", "MT", "20").repeat(2_000));
        String[] pupils = new String[31];
        for (int i = 0; i < 30; i++) {
            pupils[i] = TestCtf.pupil(TestCtf.UPN_1, "6", history);
        }
        pupils[30] = TestCtf.pupil(TestCtf.UPN_2, "6", TestCtf.ks2(2026));

        FileReport report = new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("x.xml",
                TestCtf.utf8(TestCtf.file2026(pupils)));

        assertThat(report.readable()).isTrue();
        assertThat(report.pupils()).isEqualTo(31);
        assertThat(report.collection()).isNull();
        assertThat(report.findings()).extracting(f -> f.code()).contains("file.noResults");
    }

    @Test
    void elementInsteadOfAValueIsNamedWithItsLine() {
        String xml = TestCtf.file2026(PUPIL, "<Pupil>\n<UPN><Value>" + TestCtf.UPN_2 + "</Value></UPN></Pupil>");

        CtfReadException e = refused(xml);

        assertThat(e.getMessage()).contains("<UPN> should hold only text", "<Value>", "line " + lineOf(xml, "<Value>"));
    }

    @Test
    void implausibleYearsAreNotAcceptedAsTheYearOfTheReturn() {
        for (String headerYear : new String[] {"9999", "1066", "0000"}) {
            String xml = TestCtf.file(TestCtf.header("25.0", headerYear), PUPIL);

            FileReport report = new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("x.xml",
                    TestCtf.utf8(xml));

            assertThat(report.readable()).as(headerYear).isTrue();
            assertThat(report.year()).as(headerYear).isEqualTo(org.openreturns.engine.collection.AcademicYear
                    .ofSummer(2026));
            assertThat(report.findings()).extracting(f -> f.code()).as(headerYear).contains("file.academicYear");
        }
    }

    @Test
    void implausibleResultYearIsIgnoredWhenTheHeaderHasNoYear() {
        String xml = TestCtf.file(TestCtf.header("25.0", null), TestCtf.pupil(TestCtf.UPN_1, "4",
                TestCtf.mtc(9999, "20"), TestCtf.mtc(2026, "21")));

        FileReport report = new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("x.xml",
                TestCtf.utf8(xml));

        assertThat(report.readable()).isTrue();
        assertThat(report.year()).isEqualTo(org.openreturns.engine.collection.AcademicYear.ofSummer(2026));
    }

    private static int lineOf(String text, String needle) {
        return lineCount(text.substring(0, text.lastIndexOf(needle) + 1));
    }

    private static int lineCount(String text) {
        return (int) text.chars().filter(c -> c == '\n').count() + 1;
    }
}
