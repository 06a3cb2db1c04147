package org.openreturns.engine.rules.ks1;

import static org.openreturns.engine.collection.Collection.KS1;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class Ks1InvalidCodeTest {

    private final Ks1InvalidCode rule = new Ks1InvalidCode(Ks1Codes.FROM_2022);

    @Test
    void anUnknownCodeIsAnErrorListingTheSubjectsCodes() {
        Finding f = assertOne(check(rule, KS1, withResults(KS1, "WRIT", "XYZ")), "ks1.invalidCode", Severity.ERROR,
                "WRIT");
        assertThat(f.message()).contains("'XYZ' is not a valid result for Writing teacher assessment")
                .contains("GDS, EXS, WTS, PK1 to PK4, EM, A or Q");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PK5", "PK6", "L", "F", "P"})
    void keyStage2CodesAreExplained(String code) {
        Finding f = assertOne(check(rule, KS1, withResults(KS1, "MAT", code)), "ks1.invalidCode", Severity.ERROR,
                "MAT");
        assertThat(f.message()).contains("key stage 2 code");
    }

    @Test
    void scienceTakesOnlyItsOwnCodes() {
        assertOne(check(rule, KS1, withResults(KS1, "SCI", "GDS")), "ks1.invalidCode", Severity.ERROR, "SCI");
        assertOne(check(rule, KS1, withResults(KS1, "READ", "HNM")), "ks1.invalidCode", Severity.ERROR, "READ");
    }

    @Test
    void validCodesPass() {
        assertThat(check(rule, KS1, withResults(KS1, "READ", "GDS", "WRIT", "PK4", "MAT", "EM", "SCI", "Q")))
                .isEmpty();
        assertThat(check(rule, KS1, withResults(KS1, "READ", null))).isEmpty();
    }
}
