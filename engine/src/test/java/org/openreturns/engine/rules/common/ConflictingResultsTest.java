package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class ConflictingResultsTest {

    private final ConflictingResults rule = new ConflictingResults();

    @Test
    void twoDifferentResultsForOneItemAreAnError() {
        Finding f = assertOne(check(rule, Collection.KS2_TA, withResults(Collection.KS2_TA, "WRIT", "EXS", "WRIT",
                "GDS")), "result.conflict", Severity.ERROR, "WRIT");
        assertThat(f.message()).contains("Writing teacher assessment").contains("'EXS' and 'GDS'");
    }

    @Test
    void theSameResultTwiceAndDifferentItemsPass() {
        assertThat(check(rule, Collection.KS2_TA, withResults(Collection.KS2_TA, "WRIT", "EXS", "WRIT", "EXS",
                "SCI", "HNM"))).isEmpty();
    }

    @Test
    void anEmptyResultBesideAGivenOneIsNoConflict() {
        assertThat(check(rule, Collection.KS2_TA, withResults(Collection.KS2_TA, "WRIT", null, "WRIT", "EXS")))
                .isEmpty();
    }
}
