package org.openreturns.engine.rules.phonics;

import static org.openreturns.engine.collection.Collection.PHONICS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class PhonicsConflictingResultsTest {

    private final PhonicsConflictingResults rule = new PhonicsConflictingResults(PhonicsCodes.FROM_2012);

    @Test
    void twoDifferentMarksAreAConflict() {
        Finding f = assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "35", "CHK", "Wa", "CHK", "36")),
                "result.conflict", Severity.ERROR, "CHK");
        assertThat(f.message()).contains("two different marks").contains("'35' and '36'");
    }

    @Test
    void twoDifferentReasonsAreAConflict() {
        assertOne(check(rule, PHONICS, withResults(PHONICS, "CHK", "A", "CHK", "D")), "result.conflict",
                Severity.ERROR, "CHK");
    }

    @Test
    void twoDifferentOutcomesAreNoConflictSinceTheMarkDecides() {
        // COLLECT strips Wa/Wt (reference/rules.md §1.2): phonics.outcomeInconsistent queries the one that disagrees.
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "35", "CHK", "Wa", "CHK", "WT"))).isEmpty();
    }

    @Test
    void aMarkWithItsOutcomeOrTheSameCodeInAnotherCasePass() {
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "35", "CHK", "Wa"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "20", "CHK", "Wt", "CHK", "WT"))).isEmpty();
        assertThat(check(rule, PHONICS, withResults(PHONICS, "CHK", "35", "CHK", "35"))).isEmpty();
    }
}
