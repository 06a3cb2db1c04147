package org.openreturns.engine.rules.ks1;

import static org.openreturns.engine.collection.Collection.KS1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class Ks1MissingTest {

    private final Ks1Missing rule = new Ks1Missing(Ks1Codes.FROM_2022);

    @Test
    void aMissingSubjectIsAnError() {
        Finding f = assertOne(check(rule, KS1, withResults(KS1, "READ", "EXS", "WRIT", "WTS", "MAT", "GDS")),
                "ks1.missing", Severity.ERROR, "SCI");
        assertThat(f.message()).contains("no result for Science teacher assessment").contains("EXS, HNM, A or Q");
    }

    @Test
    void anEmptyResultIsMissingAndEachSubjectIsReported() {
        assertThat(check(rule, KS1, withResults(KS1, "READ", null, "SCI", "EXS"))).extracting(Finding::item)
                .containsExactly("READ", "WRIT", "MAT");
    }

    @Test
    void allFourSubjectsPass() {
        assertThat(check(rule, KS1, withResults(KS1, "READ", "EXS", "WRIT", "PK2", "MAT", "A", "SCI", "HNM")))
                .isEmpty();
    }
}
