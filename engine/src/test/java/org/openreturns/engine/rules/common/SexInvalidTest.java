package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class SexInvalidTest {

    private final SexInvalid rule = new SexInvalid();

    @Test
    void aMissingSexIsAnError() {
        assertOne(check(rule, Collection.MTC, pupil(Collection.MTC).sex(null).build()),
                "pupil.sexInvalid", Severity.ERROR, null);
    }

    @Test
    void aValueOtherThanMOrFIsAnError() {
        Finding f = assertOne(check(rule, Collection.MTC, pupil(Collection.MTC).sex("X").build()),
                "pupil.sexInvalid", Severity.ERROR, null);
        assertThat(f.message()).contains("'X'");
    }

    @Test
    void mAndFPass() {
        assertThat(check(rule, Collection.MTC, pupil(Collection.MTC).sex("M").build())).isEmpty();
        assertThat(check(rule, Collection.MTC, pupil(Collection.MTC).sex("F").build())).isEmpty();
    }
}
