package org.openreturns.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;

class RuleSetsTest {

    private static final List<String> COMMON = List.of("upn.missing", "upn.format", "upn.temporary", "upn.checkLetter",
            "upn.laCode", "upn.duplicate", "pupil.surnameMissing", "pupil.forenameMissing", "pupil.dobInvalid",
            "pupil.sexInvalid",
            "pupil.dobOutsideYearGroup", "result.conflict", "file.sourceSchool", "file.ctfVersion",
            "file.academicYear", "pupil.yearGroup");

    private static final Map<Collection, List<String>> OWN = Map.of(
            Collection.EYFSP, List.of("eyfsp.elgMissing", "eyfsp.invalidCode", "eyfsp.allOrNoneA", "eyfsp.exemption"),
            Collection.PHONICS, List.of("phonics.noResult", "phonics.markOutOfRange", "phonics.invalidCode",
                    "phonics.markAndCode", "phonics.outcomeInconsistent", "phonics.alreadyMet",
                    "phonics.thresholdUnknown", "phonics.ncYearMissing"),
            Collection.KS1, List.of("ks1.missing", "ks1.invalidCode"),
            Collection.KS2_TA, List.of("ks2.missing", "ks2.invalidCode", "ks2.leftInconsistent",
                    "ks2.stageInconsistent"),
            Collection.MTC, List.of("mtc.missing", "mtc.scoreOutOfRange", "mtc.invalidCode",
                    "mtc.scoreAnnulled"));

    @ParameterizedTest
    @EnumSource(Collection.class)
    void eachSetFor2026HasTheCommonCodesAndItsOwnOnly(Collection collection) {
        RuleSet set = RuleSets.forCollection(collection, AcademicYear.ofSummer(2026));
        List<String> expected = new ArrayList<>(COMMON);
        expected.addAll(OWN.get(collection));
        assertThat(set.rules()).extracting(Rule::code).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Collection.class)
    void yearsBeforeTheFirstUseTheFirstAndLaterYearsTheLatest(Collection collection) {
        assertThat(RuleSets.forCollection(collection, AcademicYear.ofSummer(2015)))
                .isSameAs(RuleSets.forCollection(collection, AcademicYear.ofSummer(2022)));
        assertThat(RuleSets.forCollection(collection, AcademicYear.ofSummer(2040)))
                .isSameAs(RuleSets.forCollection(collection, AcademicYear.ofSummer(2026)));
    }

    @Test
    void theMtcAcceptsHFrom2024() {
        AssessedPupil pupil = TestPupils.withResults(Collection.MTC, "MTC", "H");
        assertThat(codesFound(Collection.MTC, 2023, pupil)).containsExactly("mtc.invalidCode");
        assertThat(codesFound(Collection.MTC, 2024, pupil)).isEmpty();
        assertThat(codesFound(Collection.MTC, 2026, pupil)).isEmpty();
    }

    @Test
    void theEyfspExemptionQueryStartsIn2023() {
        assertThat(RuleSets.forCollection(Collection.EYFSP, AcademicYear.ofSummer(2022)).contains("eyfsp.exemption"))
                .isFalse();
        assertThat(RuleSets.forCollection(Collection.EYFSP, AcademicYear.ofSummer(2023)).contains("eyfsp.exemption"))
                .isTrue();
    }

    @Test
    void aPhonicsMarkWithItsOutcomeIsNoConflict() {
        AssessedPupil pupil = TestPupils.withResults(Collection.PHONICS, "CHK", "35", "CHK", "Wa");
        assertThat(codesFound(Collection.PHONICS, 2026, pupil)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Collection.class)
    void aCompletePupilPassesTheWholeSet(Collection collection) {
        AssessedPupil pupil = switch (collection) {
            case EYFSP -> TestPupils.allElgs("2").build();
            case PHONICS -> TestPupils.withResults(collection, "CHK", "31", "CHK", "Wa");
            case KS1 -> TestPupils.withResults(collection, "READ", "EXS", "WRIT", "WTS", "MAT", "GDS", "SCI", "EXS");
            case KS2_TA -> TestPupils.withResults(collection, "WRIT", "EXS", "SCI", "EXS");
            case MTC -> TestPupils.withResults(collection, "MTC", "25");
        };
        assertThat(codesFound(collection, 2026, pupil)).isEmpty();
    }

    /**
     * The codes the year's pupil and file rules find for one pupil, and its header rules for a valid header. The
     * year-group birth date query is left out: the test pupils' birth dates fit 2025/26, not earlier years.
     */
    private static List<String> codesFound(Collection collection, int year, AssessedPupil pupil) {
        RuleSet set = RuleSets.forCollection(collection, AcademicYear.ofSummer(year));
        ValidationContext context = new ValidationContext(collection, AcademicYear.ofSummer(year), TestPupils.ITEMS,
                31, LaCodes.bundled());
        Findings findings = new Findings();
        for (HeaderRule rule : set.headerRules()) {
            rule.check(TestPupils.header("25.0", "801", "2000", Integer.toString(year - 1)), context, findings);
        }
        for (PupilRule rule : set.pupilRules()) {
            rule.check(pupil, context, findings);
        }
        for (FileRule rule : set.fileRules()) {
            FileRule.FileCheck check = rule.start(context);
            check.accept(pupil, findings);
            check.finish(findings);
        }
        return findings.list().stream()
                .filter(f -> !f.code().equals("pupil.dobOutsideYearGroup"))
                .map(Finding::code).toList();
    }
}
