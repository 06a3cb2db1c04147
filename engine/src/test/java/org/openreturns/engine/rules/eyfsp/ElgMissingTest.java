package org.openreturns.engine.rules.eyfsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.allElgs;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class ElgMissingTest {

    private final ElgMissing rule = new ElgMissing();

    @Test
    void aMissingGoalIsAnErrorNamedByItsLabel() {
        Finding f = assertOne(check(rule, Collection.EYFSP, expectedExcept("E07", false)), "eyfsp.elgMissing",
                Severity.ERROR, "E07");
        assertThat(f.message()).contains("'Fine motor skills' (E07)");
    }

    @Test
    void anEmptyResultCountsAsMissing() {
        assertOne(check(rule, Collection.EYFSP, expectedExcept("E16", true)), "eyfsp.elgMissing", Severity.ERROR,
                "E16");
    }

    @Test
    void aPupilWithNoResultsMissesAll17() {
        List<Finding> findings = check(rule, Collection.EYFSP, TestPupils.pupil(Collection.EYFSP).build());
        assertThat(findings).hasSize(17);
        assertThat(findings).extracting(Finding::item).startsWith("E01", "E02").endsWith("E17");
    }

    @Test
    void allGoalsPresentPass() {
        assertThat(check(rule, Collection.EYFSP, allElgs("1").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, allElgs("A").build())).isEmpty();
    }

    /** 2 in every goal but one, which is left out or, with {@code empty}, given an empty Result. */
    private static AssessedPupil expectedExcept(String elg, boolean empty) {
        TestPupils.Builder pupil = TestPupils.pupil(Collection.EYFSP);
        for (int n = 1; n <= 17; n++) {
            String id = String.format("E%02d", n);
            if (!id.equals(elg)) {
                pupil.result(id, "2");
            } else if (empty) {
                pupil.result(id, null);
            }
        }
        return pupil.build();
    }
}
