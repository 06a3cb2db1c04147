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

class ElgExemptionTest {

    private final ElgExemption rule = new ElgExemption();

    @Test
    void allAIsAQueryAskingToConfirmTheExemption() {
        Finding f = assertOne(check(rule, Collection.EYFSP, allElgs("A").build()), "eyfsp.exemption",
                Severity.QUERY, null);
        assertThat(f.message()).contains("all 17").contains("Confirm that an exemption applies");
    }

    @Test
    void resultsOrPartialAPassHere() {
        assertThat(check(rule, Collection.EYFSP, allElgs("2").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, TestPupils.withResults(Collection.EYFSP, "E01", "A"))).isEmpty();
        TestPupils.Builder sixteenA = TestPupils.pupil(Collection.EYFSP);
        for (int n = 1; n <= 17; n++) {
            sixteenA.result(String.format("E%02d", n), n == 5 ? "2" : "A");
        }
        assertThat(check(rule, Collection.EYFSP, sixteenA.build())).isEmpty();
    }
}
