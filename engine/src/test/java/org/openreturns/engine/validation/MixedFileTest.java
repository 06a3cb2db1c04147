package org.openreturns.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.TestCtf;
import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

/**
 * MIS exports are often of a whole phase, not of one collection: a Year 1/Year 2 export carries phonics and KS1, a
 * Year 4/Year 6 one MTC and KS2 TA. Whichever pupil comes first, each collection is checked with its own pupils.
 */
class MixedFileTest {

    private record Seen(Collection collection, String upn) {
    }

    private final List<Seen> seen = new ArrayList<>();

    private static String upn(int n) {
        return Upn.withCheckLetter(String.format("801200024%03d", n));
    }

    private FileReport validate(String xml) {
        return new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("mixed.xml",
                TestCtf.utf8(xml), (c, p) -> seen.add(new Seen(c.collection(), p.upn())));
    }

    private static List<Finding> withCode(FileReport report, String code) {
        return report.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    /** Year 2 first: one who met the phonics standard in Year 1 (KS1 only), one re-checked; then three in Year 1. */
    private static String yearOneAndTwo() {
        return TestCtf.file2026(
                TestCtf.pupil(upn(1), "2", TestCtf.phonics(2025, "36"), TestCtf.ks1(2026)),
                TestCtf.pupil(upn(2), "2", TestCtf.phonics(2025, "20"), TestCtf.ks1(2026), TestCtf.phonics(2026, "33")),
                TestCtf.pupil(upn(3), "1", TestCtf.phonics(2026, "35")),
                TestCtf.pupil(upn(4), "1", TestCtf.phonics(2026, "12")),
                TestCtf.pupil(upn(5), "1", TestCtf.phonics(2026, "40")));
    }

    @Test
    void yearOnePupilsOfAYearOneAndTwoExportWhoseFirstPupilIsInYearTwoAreCheckedForPhonicsNotKs1() {
        FileReport report = validate(yearOneAndTwo());

        assertThat(report.collection()).isEqualTo(Collection.PHONICS);
        assertThat(withCode(report, "ks1.missing")).isEmpty();
        assertThat(seen).filteredOn(s -> s.collection() == Collection.PHONICS).extracting(Seen::upn)
                .containsExactly(upn(2), upn(3), upn(4), upn(5));
    }

    @Test
    void aYearFourAndSixExportWhoseFirstPupilIsInYearFourHasItsKs2TaChecked() {
        String noWriting = TestCtf.keyStage("KS2", TestCtf.result(2026, "SCI", "TA", "SCI", null, "EXS"));
        FileReport report = validate(TestCtf.file2026(
                TestCtf.pupil(upn(1), "4", TestCtf.mtc(2026, "21")),
                TestCtf.pupil(upn(2), "6", TestCtf.mtc(2024, "19"), TestCtf.ks2(2026)),
                TestCtf.pupil(upn(3), "6", noWriting)));

        assertThat(report.collection()).isEqualTo(Collection.KS2_TA);
        assertThat(withCode(report, "ks2.missing")).singleElement()
                .satisfies(f -> assertThat(f.upn()).isEqualTo(upn(3)));
        assertThat(withCode(report, "file.otherCollection")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("1 Multiplication tables check result"));
    }

    @Test
    void aYearThreePupilInAPhonicsFileIsAQueryNamingTheYearAndTheCollection() {
        FileReport report = validate(TestCtf.file2026(
                TestCtf.pupil(upn(1), "1", TestCtf.phonics(2026, "35")),
                TestCtf.pupil(upn(2), "3", TestCtf.phonics(2026, "30"))));

        assertThat(report.findings()).filteredOn(f -> upn(2).equals(f.upn()) && f.severity() == Severity.QUERY)
                .filteredOn(f -> f.code().equals("pupil.yearGroup")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Year 3", "Phonics screening check", "Year 1"));
        assertThat(seen).extracting(Seen::upn).contains(upn(2));
    }

    @Test
    void aPhonicsPupilWithoutAnNcYearIsAnError() {
        String noYear = "<Pupil><UPN>" + upn(2) + "</UPN><Surname>Okafor</Surname><Forename>Amara</Forename>"
                + "<DOB>2019-01-15</DOB><Sex>F</Sex><StageAssessments>" + TestCtf.phonics(2026, "30")
                + "</StageAssessments></Pupil>";
        FileReport report = validate(TestCtf.file2026(TestCtf.pupil(upn(1), "1", TestCtf.phonics(2026, "35")),
                noYear));

        assertThat(withCode(report, "phonics.ncYearMissing")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.upn()).isEqualTo(upn(2));
            assertThat(f.message()).contains("Year 1", "Year 2", "NCyearActual");
        });
    }

    @Test
    void aHeaderYearThatDisagreesWithTheResultsYearSaysSo() {
        // Exported in the autumn: the header says 2025/26, the results are the summer 2025 ones.
        FileReport report = validate(TestCtf.file2026(
                TestCtf.pupil(upn(1), "1", TestCtf.phonics(2025, "35")),
                TestCtf.pupil(upn(2), "1", TestCtf.phonics(2025, "20"))));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("header", "2025/26", "2024/25", "2025")
                    .doesNotContain("Enter the results");
        });
        assertThat(report.year()).isEqualTo(AcademicYear.ofSummer(2026));
    }

    @Test
    void everyCollectionOfAMixedFileIsAReportOfItsOwnWithItsOwnPupils() {
        List<FileReport> reports = new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validateAll(
                "mixed.xml", TestCtf.utf8(yearOneAndTwo()), (c, p) -> seen.add(new Seen(c.collection(), p.upn())));

        assertThat(reports).extracting(FileReport::collection).containsExactly(Collection.PHONICS, Collection.KS1);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.fileName()).isEqualTo("mixed.xml");
            assertThat(r.hasErrors()).as(r.findings().toString()).isFalse();
            assertThat(r.findings()).extracting(Finding::code).doesNotContain("file.otherCollection");
        });
        assertThat(reports.get(0).upns()).containsExactlyInAnyOrder(upn(2), upn(3), upn(4), upn(5));
        assertThat(reports.get(1).upns()).containsExactlyInAnyOrder(upn(1), upn(2));
        assertThat(seen).containsExactly(new Seen(Collection.KS1, upn(1)), new Seen(Collection.PHONICS, upn(2)),
                new Seen(Collection.KS1, upn(2)), new Seen(Collection.PHONICS, upn(3)),
                new Seen(Collection.PHONICS, upn(4)), new Seen(Collection.PHONICS, upn(5)));
    }

    @Test
    void aYearTwoPupilWithoutResultsIsMissingFromKs1NotFromPhonics() {
        List<FileReport> reports = new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validateAll(
                "mixed.xml", TestCtf.utf8(TestCtf.file2026(
                        TestCtf.pupil(upn(1), "1", TestCtf.phonics(2026, "35")),
                        TestCtf.pupil(upn(2), "2"),
                        TestCtf.pupil(upn(3), "2", TestCtf.ks1(2026)))));

        assertThat(reports.get(0).findings()).extracting(Finding::upn).doesNotContain(upn(2));
        assertThat(reports.get(1).findings()).filteredOn(f -> f.code().equals("ks1.missing"))
                .extracting(Finding::upn).containsOnly(upn(2));
    }

    @Test
    void theWantedCollectionIsCheckedAndTheOthersNamedOnce() {
        FileReport report = new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("mixed.xml",
                TestCtf.utf8(yearOneAndTwo()), Collection.KS1, (c, p) -> seen.add(new Seen(c.collection(), p.upn())));

        assertThat(report.collection()).isEqualTo(Collection.KS1);
        assertThat(report.pupils()).isEqualTo(2);
        assertThat(withCode(report, "file.otherCollection")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("4 Phonics screening check results", "2026"));
        assertThat(seen).extracting(Seen::collection).containsOnly(Collection.KS1);
    }
}
