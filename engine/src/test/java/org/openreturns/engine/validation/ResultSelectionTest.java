package org.openreturns.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.TestCtf;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

/**
 * A CTF carries the pupil's cumulative record (ctf.md §4): the return is only the collection's results for the year.
 * What else the file holds is either ignored (history), noted (another collection's results this year, codes that match
 * no item) or, when nothing is left, an error.
 */
class ResultSelectionTest {

    private final List<AssessedPupil> seen = new ArrayList<>();

    private FileReport validate(String xml) {
        return new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("x.xml", TestCtf.utf8(xml),
                (c, p) -> seen.add(p));
    }

    private static List<Finding> withCode(FileReport report, String code) {
        return report.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void earlierYearsResultsAreNeitherCheckedNorCounted() {
        // A Year 6 pupil's file: KS2 TA for 2026, with the Year 4 MTC of 2024 carried as history.
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.mtc(2024, "23"), TestCtf.ks2(2026)),
                TestCtf.pupil(TestCtf.UPN_2, "6", TestCtf.ks2(2026), TestCtf.mtc(2024, "NOT A SCORE")));

        FileReport report = validate(xml);

        assertThat(report.collection()).isEqualTo(Collection.KS2_TA);
        assertThat(report.year()).isEqualTo(AcademicYear.ofSummer(2026));
        assertThat(seen).hasSize(2).allSatisfy(p -> assertThat(p.results()).containsOnlyKeys("WRIT", "SCI"));
        assertThat(report.findings()).noneMatch(f -> f.message().contains("ultiplication"));
        assertThat(withCode(report, "file.otherCollection")).isEmpty();
        assertThat(withCode(report, "file.unmappedResults")).isEmpty();
    }

    @Test
    void earlierYearsOfEveryCollectionAreIgnoredInAKs1File() {
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "2", TestCtf.eyfsp(2024, "2"),
                TestCtf.phonics(2025, "31"), TestCtf.ks1(2026)));

        FileReport report = validate(xml);

        assertThat(report.collection()).isEqualTo(Collection.KS1);
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.results()).containsOnlyKeys("READ", "WRIT",
                "MAT", "SCI"));
        assertThat(withCode(report, "file.otherCollection")).isEmpty();
    }

    @Test
    void anotherCollectionsResultsForTheYearAreOneInfoFinding() {
        // KS2 TA file whose MIS also exported this year's MTC for two pupils.
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.ks2(2026), TestCtf.mtc(2026, "20")),
                TestCtf.pupil(TestCtf.UPN_2, "6", TestCtf.ks2(2026), TestCtf.mtc(2026, "24")),
                TestCtf.pupil(TestCtf.UPN_3, "6", TestCtf.ks2(2026)));

        FileReport report = validate(xml);

        assertThat(report.collection()).isEqualTo(Collection.KS2_TA);
        assertThat(withCode(report, "file.otherCollection")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("2 Multiplication tables check results", "2026");
            assertThat(f.upn()).isNull();
        });
        assertThat(seen).allSatisfy(p -> assertThat(p.results()).doesNotContainKey("MTC"));
    }

    @Test
    void resultsMatchingNoItemAreOneInfoFindingListingTheirCodesAndCount() {
        String gps = TestCtf.result(2026, "ENG", "TT", "GPS", null, "110");
        String xml = TestCtf.file2026(
                TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.keyStage("KS2", gps), TestCtf.ks2(2026)),
                TestCtf.pupil(TestCtf.UPN_2, "6", TestCtf.ks2(2026), TestCtf.keyStage("KS2", gps,
                        TestCtf.result(2026, "ENG", "TA", "SPK", "X1", "EXS"))));

        FileReport report = validate(xml);

        assertThat(report.collection()).isEqualTo(Collection.KS2_TA);
        assertThat(withCode(report, "file.unmappedResults")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("3 results", "KS2-ENG-GPS-TT- year 2026 x2",
                    "KS2-ENG-SPK-TA-X1 year 2026 x1", "Stage-Subject-Component-Method-ResultQualifier");
        });
    }

    @Test
    void manyDifferentUnknownCodesAreCountedButOnlyTheFirstFewNamed() {
        StringBuilder unknown = new StringBuilder();
        for (int i = 0; i < ReturnValidator.DISTINCT_UNMAPPED_KEPT + 5; i++) {
            unknown.append(TestCtf.result(2026, "ENG", "TA", String.format("C%04d", i), null, "EXS"));
        }
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.ks2(2026),
                TestCtf.keyStage("KS2", unknown.toString())));

        FileReport report = validate(xml);

        assertThat(withCode(report, "file.unmappedResults")).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith((ReturnValidator.DISTINCT_UNMAPPED_KEPT + 5) + " results");
            assertThat(f.message()).contains("KS2-ENG-C0000-TA- year 2026 x1", "and more than 980 other codes");
            assertThat(f.message()).doesNotContain("C0020");
        });
    }

    @Test
    void unknownCodesOfEarlierYearsAreHistoryNotUnmappedResults() {
        // Pre-2022 EYFS Profile goals (G01...) carried in a Year 6 pupil's record.
        String old = TestCtf.keyStage("FSP", TestCtf.result(2019, "COM", "TA", "G01", null, "2"));
        FileReport report = validate(TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "6", old, TestCtf.ks2(2026))));

        assertThat(report.collection()).isEqualTo(Collection.KS2_TA);
        assertThat(withCode(report, "file.unmappedResults")).isEmpty();
    }

    @Test
    void undatedResultWithUnknownCodesIsListed() {
        String undated = TestCtf.keyStage("KS2", "<StageAssessment><Subject>ENG</Subject><Method>TA</Method>"
                + "<Component>RDG</Component><Result>EXS</Result></StageAssessment>");
        FileReport report = validate(TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.ks2(2026), undated)));

        assertThat(withCode(report, "file.unmappedResults")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("KS2-ENG-RDG-TA- year (none) x1"));
    }

    @Test
    void fileWithoutPupilsIsAnError() {
        FileReport report = validate(TestCtf.file2026());

        assertThat(report.readable()).isTrue();
        assertThat(report.pupils()).isZero();
        assertThat(report.collection()).isNull();
        assertThat(report.header().schoolName()).isEqualTo("Example Primary School");
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("file.noPupils");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("no pupils");
        });
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void fileWithEmptyPupilDataOrNoneAtAllIsAnError() {
        FileReport report = validate("<CTfile>" + TestCtf.header("25.0", "2025") + "</CTfile>");

        assertThat(report.findings()).extracting(Finding::code).containsExactly("file.noPupils");
    }

    @Test
    void pupilsWithoutResultsForTheYearAreAnError() {
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "6", TestCtf.mtc(2024, "20")),
                TestCtf.pupil(TestCtf.UPN_2, "6", TestCtf.ks2(2025)),
                "<Pupil><UPN>" + TestCtf.UPN_3 + "</UPN><Surname>Patel</Surname></Pupil>");

        FileReport report = validate(xml);

        assertThat(report.readable()).isTrue();
        assertThat(report.collection()).isNull();
        assertThat(report.year()).isEqualTo(AcademicYear.ofSummer(2026));
        assertThat(report.pupils()).isEqualTo(3);
        // They hold last year's results, so the error says so rather than asking for results to be entered.
        assertThat(withCode(report, "file.resultsForAnotherYear")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("3 pupils", "2025/26", "2024/25");
        });
        assertThat(withCode(report, "file.noPupils")).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void pupilsWithoutAnyResultsAreAnErrorAskingForThem() {
        FileReport report = validate(TestCtf.file2026(
                "<Pupil><UPN>" + TestCtf.UPN_3 + "</UPN><Surname>Patel</Surname></Pupil>"));

        assertThat(withCode(report, "file.noResults")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("1 pupil", "2025/26", "Enter the results");
        });
    }
}
