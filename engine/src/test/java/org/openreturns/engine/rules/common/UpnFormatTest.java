package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class UpnFormatTest {

    private final UpnFormat rule = new UpnFormat();

    @Test
    void aShortUpnIsAnError() {
        Finding f = assertOne(check(rule, Collection.MTC, pupil(Collection.MTC).upn("E80120001830").build()),
                "upn.format", Severity.ERROR, "E80120001830", null, "Rohan Patel (E80120001830)");
        assertThat(f.message()).contains("13 characters");
    }

    @Test
    void aLetterInTheMiddleIsAnError() {
        assertOne(check(rule, Collection.MTC, pupil(Collection.MTC).upn("E8012000A8301").build()),
                "upn.format", Severity.ERROR, "E8012000A8301", null, "Rohan Patel");
    }

    @Test
    void permanentAndTemporaryUpnsPass() {
        assertThat(check(rule, Collection.MTC, pupil(Collection.MTC).build())).isEmpty();
        assertThat(check(rule, Collection.MTC, pupil(Collection.MTC).upn("L80120002410C").build())).isEmpty();
    }

    @Test
    void aMissingUpnIsLeftToUpnMissing() {
        assertThat(check(rule, Collection.MTC, pupil(Collection.MTC).upn(null).build())).isEmpty();
    }
}
