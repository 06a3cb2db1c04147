package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.context;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class DuplicateUpnTest {

    private final DuplicateUpn rule = new DuplicateUpn();

    @Test
    void theSecondPupilWithAUpnGetsTheFinding() {
        Finding f = assertOne(check(rule, context(Collection.EYFSP),
                pupil(Collection.EYFSP).line(10).build(),
                pupil(Collection.EYFSP).forename("Priya").line(50).build()),
                "upn.duplicate", Severity.ERROR, TestPupils.UPN, null, "Priya Patel (E801200018301)");
        assertThat(f.line()).isEqualTo(50);
        assertThat(f.message()).contains("Rohan Patel (E801200018301) at line 10");
    }

    @Test
    void differentUpnsAndMissingUpnsPass() {
        assertThat(check(rule, context(Collection.EYFSP),
                pupil(Collection.EYFSP).build(),
                pupil(Collection.EYFSP).upn(TestPupils.OTHER_UPN).build(),
                pupil(Collection.EYFSP).upn(null).build(),
                pupil(Collection.EYFSP).upn(null).build())).isEmpty();
    }

    @Test
    void eachFileStartsAfresh() {
        assertThat(check(rule, context(Collection.EYFSP), pupil(Collection.EYFSP).build())).isEmpty();
        assertThat(check(rule, context(Collection.EYFSP), pupil(Collection.EYFSP).build())).isEmpty();
    }
}
