package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class SurnameMissingTest {

    private final SurnameMissing rule = new SurnameMissing();

    @Test
    void aMissingSurnameIsAnError() {
        assertOne(check(rule, Collection.PHONICS, pupil(Collection.PHONICS).surname(null).build()),
                "pupil.surnameMissing", Severity.ERROR, TestPupils.UPN, null, "Rohan (E801200018301)");
    }

    @Test
    void aSurnamePasses() {
        assertThat(check(rule, Collection.PHONICS, pupil(Collection.PHONICS).build())).isEmpty();
    }
}
