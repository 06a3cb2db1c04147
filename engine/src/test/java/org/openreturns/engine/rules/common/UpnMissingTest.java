package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class UpnMissingTest {

    private final UpnMissing rule = new UpnMissing();

    @Test
    void aPupilWithoutUpnIsAnError() {
        Finding f = assertOne(check(rule, Collection.KS2_TA, pupil(Collection.KS2_TA).upn(null).build()),
                "upn.missing", Severity.ERROR, null, null, "Rohan Patel (no UPN)");
        assertThat(f.message()).contains("temporary UPN");
    }

    @Test
    void aPupilWithAUpnPasses() {
        assertThat(check(rule, Collection.KS2_TA, pupil(Collection.KS2_TA).build())).isEmpty();
    }
}
