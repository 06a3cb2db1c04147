package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class UpnLaCodeTest {

    private final UpnLaCode rule = new UpnLaCode();

    @Test
    void anUnknownLaCodeIsAnError() {
        String upn = Upn.withCheckLetter("999200001001");
        Finding f = assertOne(check(rule, Collection.KS1, pupil(Collection.KS1).upn(upn).build()),
                "upn.laCode", Severity.ERROR, upn, null, "Rohan Patel (" + upn + ")");
        assertThat(f.message()).contains("'999'");
    }

    @Test
    void aKnownLaCodePasses() {
        assertThat(check(rule, Collection.KS1, pupil(Collection.KS1).upn("X801200024101").build())).isEmpty();
    }
}
