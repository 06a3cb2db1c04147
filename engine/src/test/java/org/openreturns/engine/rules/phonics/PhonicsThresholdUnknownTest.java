package org.openreturns.engine.rules.phonics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.collection.Collection.PHONICS;
import static org.openreturns.engine.rules.TestPupils.assertFileLevel;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.context;
import static org.openreturns.engine.rules.TestPupils.header;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class PhonicsThresholdUnknownTest {

    private final PhonicsThresholdUnknown rule = new PhonicsThresholdUnknown();

    @Test
    void anUnpublishedThresholdIsNotedForTheFile() {
        Finding f = assertFileLevel(check(rule, context(PHONICS, null), header()), "phonics.thresholdUnknown",
                Severity.INFO);
        assertThat(f.message()).contains("2025/26").contains("provisional");
    }

    @Test
    void aKnownThresholdNeedsNoNote() {
        assertThat(check(rule, context(PHONICS, 31), header())).isEmpty();
    }
}
