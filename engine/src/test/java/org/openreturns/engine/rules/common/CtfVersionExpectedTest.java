package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertFileLevel;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.context;
import static org.openreturns.engine.rules.TestPupils.header;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class CtfVersionExpectedTest {

    private final CtfVersionExpected rule = new CtfVersionExpected();

    @Test
    void aVersionOutside21To26IsNoted() {
        Finding f = assertFileLevel(check(rule, context(Collection.KS2_TA), header("19.0", "801", "2000", "2025")),
                "file.ctfVersion", Severity.INFO);
        assertThat(f.message()).contains("19.0").contains("21 to 26");
    }

    @Test
    void aMissingOrUnreadableVersionIsNoted() {
        assertFileLevel(check(rule, context(Collection.KS2_TA), header(null, "801", "2000", "2025")),
                "file.ctfVersion", Severity.INFO);
        Finding f = assertFileLevel(check(rule, context(Collection.KS2_TA), header("v25", "801", "2000", "2025")),
                "file.ctfVersion", Severity.INFO);
        assertThat(f.message()).contains("'v25'");
    }

    @Test
    void versions21To26Pass() {
        assertThat(check(rule, context(Collection.KS2_TA), header("21.0", "801", "2000", "2025"))).isEmpty();
        assertThat(check(rule, context(Collection.KS2_TA), header("26", "801", "2000", "2025"))).isEmpty();
    }
}
