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

class SourceSchoolPresentTest {

    private final SourceSchoolPresent rule = new SourceSchoolPresent();

    @Test
    void aMissingEstablishmentNumberIsAnError() {
        Finding f = assertFileLevel(check(rule, context(Collection.EYFSP), header("25.0", "801", null, "2025")),
                "file.sourceSchool", Severity.ERROR);
        assertThat(f.message()).contains("SourceSchool/Estab is missing");
    }

    @Test
    void aMalformedLaNumberIsAnError() {
        Finding f = assertFileLevel(check(rule, context(Collection.EYFSP), header("25.0", "80", "2000", "2025")),
                "file.sourceSchool", Severity.ERROR);
        assertThat(f.message()).contains("'80'");
    }

    @Test
    void aSchoolWithLaAndEstablishmentNumbersPasses() {
        assertThat(check(rule, context(Collection.EYFSP), header())).isEmpty();
    }
}
