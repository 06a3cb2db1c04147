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
    void aPviSettingsEarlyYearsUrnIsAcceptedForTheEyfsProfile() {
        // A PVI setting sends its 6-digit early years URN starting 5, 6 or 7 (reference/rules.md §1.1, §2.2).
        assertThat(check(rule, context(Collection.EYFSP), header("25.0", "801", "512345", "2025"))).isEmpty();
        assertThat(check(rule, context(Collection.EYFSP), pviWithUrnOnly("712345"))).isEmpty();
    }

    @Test
    void anEarlyYearsUrnIsNotAnEstablishmentNumberOutsideTheEyfsProfileOrFromAnotherRange() {
        assertFileLevel(check(rule, context(Collection.PHONICS), header("25.0", "801", "512345", "2025")),
                "file.sourceSchool", Severity.ERROR);
        Finding f = assertFileLevel(check(rule, context(Collection.EYFSP), header("25.0", "801", "412345", "2025")),
                "file.sourceSchool", Severity.ERROR);
        assertThat(f.message()).contains("early years URN");
    }

    private static org.openreturns.engine.ctf.CtfHeader pviWithUrnOnly(String urn) {
        return new org.openreturns.engine.ctf.CtfHeader("25.0", "2026-06-20T10:00:00", "partial", "Test MIS", "801",
                null, urn, "Little Acorns Nursery", "2025", "801", "LLLL");
    }

    @Test
    void aSchoolWithLaAndEstablishmentNumbersPasses() {
        assertThat(check(rule, context(Collection.EYFSP), header())).isEmpty();
    }
}
