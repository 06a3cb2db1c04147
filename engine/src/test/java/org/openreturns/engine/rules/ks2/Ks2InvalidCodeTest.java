package org.openreturns.engine.rules.ks2;

import static org.openreturns.engine.collection.Collection.KS2_TA;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.withResults;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class Ks2InvalidCodeTest {

    private final Ks2InvalidCode rule = new Ks2InvalidCode(Ks2TaCodes.FROM_2022);

    @Test
    void anUnknownWritingCodeIsAnError() {
        Finding f = assertOne(check(rule, KS2_TA, withResults(KS2_TA, "WRIT", "XYZ")), "ks2.invalidCode",
                Severity.ERROR, "WRIT");
        assertThat(f.message()).isEqualTo("Rohan Patel (E801200018301): 'XYZ' is not a valid result for Writing "
                + "teacher assessment. Use one of GDS, EXS, WTS, PK1 to PK6, EM, A, L, F or P, then export the file "
                + "again.");
    }

    @ParameterizedTest
    @CsvSource({"READ,EXS", "READ,GDS", "MAT,WTS"})
    void aStandardInReadingOrMathsIsExplained(String item, String code) {
        Finding f = assertOne(check(rule, KS2_TA, withResults(KS2_TA, item, code)), "ks2.invalidCode",
                Severity.ERROR, item);
        assertThat(f.message()).contains("working below the standard of the test").contains("PK1 to PK6, EM or A");
    }

    @ParameterizedTest
    @CsvSource({"READ,L", "MAT,F", "MAT,P"})
    void leftFutureOrPreviousInReadingOrMathsIsExplained(String item, String code) {
        Finding f = assertOne(check(rule, KS2_TA, withResults(KS2_TA, item, code)), "ks2.invalidCode",
                Severity.ERROR, item);
        assertThat(f.message()).contains("recorded only for writing and science");
    }

    @ParameterizedTest
    @CsvSource({"SCI,GDS", "SCI,WTS", "SCI,PK6", "WRIT,HNM", "WRIT,D", "READ,PK7", "WRIT,exs"})
    void codesOfOtherSubjectsAreErrors(String item, String code) {
        assertOne(check(rule, KS2_TA, withResults(KS2_TA, item, code)), "ks2.invalidCode", Severity.ERROR, item);
    }

    @Test
    void validCodesPass() {
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "READ", "PK6", "WRIT", "WTS", "MAT", "EM", "SCI", "HNM")))
                .isEmpty();
        assertThat(check(rule, KS2_TA, withResults(KS2_TA, "READ", "A", "WRIT", "L", "MAT", "PK1", "SCI", "P")))
                .isEmpty();
    }
}
