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

class HeaderYearMatchesTest {

    private final HeaderYearMatches rule = new HeaderYearMatches();

    @Test
    void lastYearsHeaderIsAQuery() {
        Finding f = assertFileLevel(check(rule, context(Collection.PHONICS), header("25.0", "801", "2000", "2024")),
                "file.academicYear", Severity.QUERY);
        assertThat(f.message()).contains("2024/25").contains("2025/26");
    }

    @Test
    void aMissingYearIsAQuery() {
        Finding f = assertFileLevel(check(rule, context(Collection.PHONICS), header("25.0", "801", "2000", null)),
                "file.academicYear", Severity.QUERY);
        assertThat(f.message()).contains("missing");
    }

    @Test
    void theHeaderStartYearOfTheResultsYearPasses() {
        assertThat(check(rule, context(Collection.PHONICS), header("25.0", "801", "2000", "2025"))).isEmpty();
    }
}
