package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.TestPupils;

class ForenameMissingTest {

    private final ForenameMissing rule = new ForenameMissing();

    @Test
    void aMissingForenameIsAnError() {
        assertOne(check(rule, Collection.PHONICS, pupil(Collection.PHONICS).forename(null).build()),
                "pupil.forenameMissing", Severity.ERROR, TestPupils.UPN, null, "Patel (E801200018301)");
    }

    @Test
    void aForenamePasses() {
        assertThat(check(rule, Collection.PHONICS, pupil(Collection.PHONICS).build())).isEmpty();
    }
}
