package org.openreturns.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.TestCtf;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * The collection and year come from what the file holds, never from its name: schools confuse EYFSP and KS1 files and
 * rename them (ctf.md §1). Every file name below names the wrong collection.
 */
class CollectionDetectionTest {

    private static final AcademicYear Y2026 = AcademicYear.ofSummer(2026);

    private final List<AssessedPupil> seen = new ArrayList<>();
    private final List<ValidationContext> contexts = new ArrayList<>();

    private FileReport validate(String fileName, String xml, ValidationOptions options) {
        return new ReturnValidator(new CtfReader(), options).validate(fileName, TestCtf.utf8(xml), (c, p) -> {
            contexts.add(c);
            seen.add(p);
        });
    }

    private FileReport validate(String fileName, String xml) {
        return validate(fileName, xml, ValidationOptions.defaults());
    }

    private static List<String> codes(FileReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    @Test
    void eyfspFileNamedAsKs1() {
        FileReport report = validate("8012000_KS1_801LLLL_001.xml",
                TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "R", TestCtf.eyfsp(2026, "2"))));

        assertThat(report.collection()).isEqualTo(Collection.EYFSP);
        assertThat(report.year()).isEqualTo(Y2026);
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.results()).hasSize(17));
    }

    @Test
    void phonicsFileNamedAsEyfsp() {
        FileReport report = validate("8012000_FSP_801LLLL_001.xml",
                TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "1", TestCtf.phonics(2026, "35"))));

        assertThat(report.collection()).isEqualTo(Collection.PHONICS);
        assertThat(report.year()).isEqualTo(Y2026);
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.value("CHK")).isEqualTo("35"));
    }

    @Test
    void ks1FileNamedAsPhonics() {
        FileReport report = validate("8012000_PHO_801LLLL_001.xml",
                TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "2", TestCtf.ks1(2026))));

        assertThat(report.collection()).isEqualTo(Collection.KS1);
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.results()).containsOnlyKeys("READ", "WRIT",
                "MAT", "SCI"));
    }

    @Test
    void ks2FileNamedAsMtc() {
        FileReport report = validate("9992000_MTC_999LLLL_001.xml",
                TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.ks2(2026))));

        assertThat(report.collection()).isEqualTo(Collection.KS2_TA);
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.results()).containsOnlyKeys("WRIT", "SCI"));
    }

    @Test
    void mtcFileNamedAsKs2() {
        FileReport report = validate("9992000_KS2_9992000_001 (1).xml",
                TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "4", TestCtf.mtc(2026, "25"))));

        assertThat(report.collection()).isEqualTo(Collection.MTC);
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.value("MTC")).isEqualTo("25"));
    }

    @Test
    void theFileNameIsKeptAsGiven() {
        FileReport report = validate("odd name.xml", TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "4",
                TestCtf.mtc(2026, "25"))));

        assertThat(report.fileName()).isEqualTo("odd name.xml");
    }

    @Test
    void eyfAndFaAliasesAreEyfsp() {
        FileReport report = validate("x.xml", TestCtf.file2026(
                TestCtf.pupil(TestCtf.UPN_1, "R", TestCtf.eyfsp("EYF", "FA", 2026, "2")),
                TestCtf.pupil(TestCtf.UPN_2, "R", TestCtf.eyfsp("EYF", "TA", 2026, "1")),
                TestCtf.pupil(TestCtf.UPN_3, "R", TestCtf.eyfsp("FSP", "FA", 2026, "2"))));

        assertThat(report.collection()).isEqualTo(Collection.EYFSP);
        assertThat(seen).hasSize(3).allSatisfy(p -> assertThat(p.results()).hasSize(17));
        assertThat(codes(report)).doesNotContain("file.unmappedResults");
    }

    @Test
    void phonicsOutcomeWithTheNyQualifierIsPhonics() {
        String outcome = TestCtf.keyStage("KS1", TestCtf.result(2026, "PHO", "TT", "CHK", "NY", "Wa"));

        FileReport report = validate("x.xml", TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "1", outcome)));

        assertThat(report.collection()).isEqualTo(Collection.PHONICS);
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.value("CHK")).isEqualTo("Wa"));
    }

    @Test
    void yearIsTheHeaderAcademicYearPlusOne() {
        String xml = TestCtf.file(TestCtf.header("24.0", "2024"),
                TestCtf.pupil(TestCtf.UPN_1, "4", TestCtf.mtc(2025, "20"), TestCtf.mtc(2026, "22")));

        FileReport report = validate("x.xml", xml);

        assertThat(report.year()).isEqualTo(AcademicYear.ofSummer(2025));
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.value("MTC")).isEqualTo("20"));
        assertThat(contexts).singleElement().satisfies(c -> assertThat(c.year().summerYear()).isEqualTo(2025));
    }

    @Test
    void optionsYearOverridesTheHeader() {
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "4", TestCtf.mtc(2025, "20"),
                TestCtf.mtc(2026, "22")));

        FileReport report = validate("x.xml", xml, ValidationOptions.defaults().withYear(AcademicYear.ofSummer(2025)));

        assertThat(report.year()).isEqualTo(AcademicYear.ofSummer(2025));
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.value("MTC")).isEqualTo("20"));
        assertThat(report.findings()).filteredOn(f -> f.code().equals("file.academicYear")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.QUERY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2025/26"})
    void headerWithoutAUsableAcademicYearFallsBackToTheLatestYearOfRecognisedResults(String academicYear) {
        String unknownLater = TestCtf.keyStage("KS3", TestCtf.result(2027, "ENG", "TA", "ENG", null, "5"));
        String xml = TestCtf.file(TestCtf.header("25.0", academicYear.isEmpty() ? null : academicYear),
                TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.mtc(2024, "19"), TestCtf.ks2(2026), unknownLater));

        FileReport report = validate("x.xml", xml);

        assertThat(report.year()).isEqualTo(Y2026);
        assertThat(report.collection()).isEqualTo(Collection.KS2_TA);
        assertThat(codes(report)).contains("file.academicYear");
    }

    @Test
    void withoutAHeaderYearTheLatestYearCountsEvenWhenTheFirstPupilHoldsOnlyHistory() {
        // The first pupil's KS2 TA is not entered yet; their record holds only the Year 4 MTC of 2024.
        String xml = TestCtf.file(TestCtf.header("25.0", null),
                TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.mtc(2024, "19")),
                TestCtf.pupil(TestCtf.UPN_2, "6", TestCtf.mtc(2024, "25"), TestCtf.ks2(2026)),
                TestCtf.pupil(TestCtf.UPN_3, "6", TestCtf.ks2(2026)));

        FileReport report = validate("x.xml", xml);

        assertThat(report.year()).isEqualTo(Y2026);
        assertThat(report.collection()).isEqualTo(Collection.KS2_TA);
        assertThat(report.pupils()).isEqualTo(3);
        assertThat(seen).extracting(AssessedPupil::upn).containsExactly(TestCtf.UPN_1, TestCtf.UPN_2, TestCtf.UPN_3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"21.0", "22.0", "23.0", "24.0", "25.0", "26.0"})
    void expectedCtfVersionsGiveNoVersionFinding(String version) {
        FileReport report = validate("x.xml", TestCtf.file(TestCtf.header(version, "2025"),
                TestCtf.pupil(TestCtf.UPN_1, "4", TestCtf.mtc(2026, "25"))));

        assertThat(report.readable()).isTrue();
        assertThat(codes(report)).doesNotContain("file.ctfVersion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.0", "27.0", "-", "abc"})
    void unexpectedOrMissingCtfVersionIsOneInfoAndTheFileIsStillChecked(String version) {
        FileReport report = validate("x.xml", TestCtf.file(TestCtf.header(version.equals("-") ? null : version,
                "2025"), TestCtf.pupil(TestCtf.UPN_1, "4", TestCtf.mtc(2026, "25"))));

        assertThat(report.findings()).filteredOn(f -> f.code().equals("file.ctfVersion")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains(version.equals("-") ? "missing" : version);
                });
        assertThat(report.collection()).isEqualTo(Collection.MTC);
        assertThat(report.pupils()).isEqualTo(1);
    }

    @Test
    void everyPupilReachesTheListenersOnceInFileOrder() {
        String[] pupils = new String[12];
        for (int i = 0; i < pupils.length; i++) {
            String upn = org.openreturns.engine.ctf.Upn.withCheckLetter(String.format("801200024%03d", i + 1));
            pupils[i] = TestCtf.pupil(upn, "4", TestCtf.mtc(2026, Integer.toString(i)));
        }
        List<String> second = new ArrayList<>();

        FileReport report = new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("x.xml",
                TestCtf.utf8(TestCtf.file2026(pupils)), (c, p) -> seen.add(p), (c, p) -> second.add(p.upn()));

        assertThat(report.pupils()).isEqualTo(12);
        assertThat(report.upns()).hasSize(12);
        assertThat(seen).extracting(p -> p.value("MTC")).containsExactly("0", "1", "2", "3", "4", "5", "6", "7",
                "8", "9", "10", "11");
        assertThat(second).containsExactlyElementsOf(seen.stream().map(AssessedPupil::upn).toList());
    }
}
