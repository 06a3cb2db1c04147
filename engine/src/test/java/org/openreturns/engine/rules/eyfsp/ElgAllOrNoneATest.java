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

class ElgAllOrNoneATest {

    private final ElgAllOrNoneA rule = new ElgAllOrNoneA();

    @Test
    void someButNotAllAIsOneError() {
        Finding f = assertOne(check(rule, Collection.EYFSP, TestPupils.withResults(Collection.EYFSP,
                "E01", "A", "E02", "A", "E03", "2")), "eyfsp.allOrNoneA", Severity.ERROR, null);
        assertThat(f.message()).contains("2 of the 17").contains("E01, E02");
    }

    @Test
    void aSingleAAmongResultsIsAnError() {
        TestPupils.Builder pupil = TestPupils.pupil(Collection.EYFSP);
        for (int n = 1; n <= 17; n++) {
            pupil.result(String.format("E%02d", n), n == 17 ? "A" : "1");
        }
        assertOne(check(rule, Collection.EYFSP, pupil.build()), "eyfsp.allOrNoneA", Severity.ERROR, null);
    }

    @Test
    void allAOrNoAPass() {
        assertThat(check(rule, Collection.EYFSP, allElgs("A").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, allElgs("2").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, TestPupils.pupil(Collection.EYFSP).build())).isEmpty();
    }
}
