package org.openreturns.engine.rules.eyfsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.allElgs;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class ElgInvalidCodeTest {

    private final ElgInvalidCode rule = new ElgInvalidCode(EyfspCodes.FROM_2022);

    @Test
    void anUnknownCodeIsAnError() {
        Finding f = assertOne(check(rule, Collection.EYFSP, TestPupils.withResults(Collection.EYFSP, "E09", "X")),
                "eyfsp.invalidCode", Severity.ERROR, "E09");
        assertThat(f.message()).contains("'X' is not a valid result for the early learning goal 'Word reading' (E09)")
                .contains("Use 1, 2 or A");
    }

    @Test
    void exceedingIsExplainedAsWithdrawn() {
        Finding f = assertOne(check(rule, Collection.EYFSP, TestPupils.withResults(Collection.EYFSP, "E02", "3")),
                "eyfsp.invalidCode", Severity.ERROR, "E02");
        assertThat(f.message()).contains("exceeding").contains("withdrawn in 2022");
    }

    @Test
    void aChildWithAll17GoalsAtExceedingGetsOneFindingNot17() {
        Finding f = assertOne(check(rule, Collection.EYFSP, allElgs("3").build()), "eyfsp.invalidCode",
                Severity.ERROR, null);
        assertThat(f.message()).contains("all 17 early learning goals").contains("withdrawn in 2022");
    }

    @Test
    void eachWrongItemIsReportedOnce() {
        assertThat(check(rule, Collection.EYFSP, TestPupils.withResults(Collection.EYFSP, "E01", "3", "E01", "3",
                "E02", "E", "E03", "2"))).extracting(Finding::item).containsExactly("E01", "E02");
    }

    @Test
    void validCodesAndEmptyResultsPass() {
        assertThat(check(rule, Collection.EYFSP, allElgs("1").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, allElgs("2").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, allElgs("A").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, TestPupils.withResults(Collection.EYFSP, "E01", null))).isEmpty();
    }
}
