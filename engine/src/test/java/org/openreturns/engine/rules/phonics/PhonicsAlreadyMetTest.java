package org.openreturns.engine.rules.phonics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.collection.Collection.PHONICS;
import static org.openreturns.engine.rules.TestPupils.assessment;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class PhonicsAlreadyMetTest {

    private final PhonicsAlreadyMet rule = new PhonicsAlreadyMet(PhonicsCodes.FROM_2012);

    @Test
    void aYear2PupilWhoseFileShowsWaLastYearIsAQuery() {
        AssessedPupil pupil = year2().history(assessment(PHONICS, "CHK", 2025, "Wa")).result("CHK", "36").build();
        Finding f = assertOne(check(rule, PHONICS, pupil), "phonics.alreadyMet", Severity.QUERY, "CHK");
        assertThat(f.message()).contains("Year 2").contains("2024/25").contains("(Wa)");
    }

    @Test
    void aMarkIsJudgedByTheThresholdOfItsOwnYear() {
        // 32 met the 2025 threshold of 32; 31 did not, though it would meet 2026's threshold of 31.
        Finding f = assertOne(check(rule, PHONICS, year2().history(assessment(PHONICS, "CHK", 2025, "32")).build()),
                "phonics.alreadyMet", Severity.QUERY, "CHK");
        assertThat(f.message()).contains("mark 32, threshold 32");
        assertThat(check(rule, PHONICS, year2().history(assessment(PHONICS, "CHK", 2025, "31")).build())).isEmpty();
    }

    @Test
    void notMetOrNotCheckedLastYearPasses() {
        assertThat(check(rule, PHONICS, year2().history(assessment(PHONICS, "CHK", 2025, "Wt")).build())).isEmpty();
        assertThat(check(rule, PHONICS, year2().history(assessment(PHONICS, "CHK", 2025, "A")).build())).isEmpty();
        assertThat(check(rule, PHONICS, year2().build())).isEmpty();
    }

    @Test
    void onlyYear2PupilsAreQueried() {
        AssessedPupil year1 = TestPupils.pupil(PHONICS).ncYear("1").history(assessment(PHONICS, "CHK", 2025, "Wa"))
                .build();
        assertThat(check(rule, PHONICS, year1)).isEmpty();
        AssessedPupil unknown = TestPupils.pupil(PHONICS).ncYear(null)
                .history(assessment(PHONICS, "CHK", 2025, "Wa")).build();
        assertThat(check(rule, PHONICS, unknown)).isEmpty();
    }

    @Test
    void thisYearsResultAndOtherCollectionsDoNotCount() {
        assertThat(check(rule, PHONICS, year2().result("CHK", "Wa").result("CHK", "38").build())).isEmpty();
        assertThat(check(rule, PHONICS, year2().history(assessment(Collection.KS1, "READ", 2025, "EXS")).build()))
                .isEmpty();
    }

    private static TestPupils.Builder year2() {
        return TestPupils.pupil(PHONICS).ncYear("2").dob("2019-01-15");
    }
}
