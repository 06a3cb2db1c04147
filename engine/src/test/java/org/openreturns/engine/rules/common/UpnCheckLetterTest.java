package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class UpnCheckLetterTest {

    private final UpnCheckLetter rule = new UpnCheckLetter();

    @Test
    void theWrongCheckLetterIsAnErrorNamingTheRightOne() {
        Finding f = assertOne(check(rule, Collection.EYFSP, pupil(Collection.EYFSP).upn("Z801200001001").build()),
                "upn.checkLetter", Severity.ERROR, "Z801200001001", null, "Rohan Patel (Z801200001001)");
        assertThat(f.message()).contains("should be H");
    }

    @Test
    void validPermanentAndTemporaryUpnsPass() {
        assertThat(check(rule, Collection.EYFSP, pupil(Collection.EYFSP).upn("H801200001001").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, pupil(Collection.EYFSP).upn("G80120000101A").build())).isEmpty();
        assertThat(check(rule, Collection.EYFSP, pupil(Collection.EYFSP).upn("B801200005001").build())).isEmpty();
    }

    @Test
    void aMalformedUpnIsLeftToUpnFormat() {
        assertThat(check(rule, Collection.EYFSP, pupil(Collection.EYFSP).upn("Z80120000100").build())).isEmpty();
    }
}
