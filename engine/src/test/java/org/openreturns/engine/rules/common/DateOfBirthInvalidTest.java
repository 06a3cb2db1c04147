package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class DateOfBirthInvalidTest {

    private final DateOfBirthInvalid rule = new DateOfBirthInvalid();

    @Test
    void aMissingDateIsAnError() {
        Finding f = assertOne(check(rule, Collection.KS2_TA, pupil(Collection.KS2_TA).dob(null).build()),
                "pupil.dobInvalid", Severity.ERROR, null);
        assertThat(f.message()).contains("no date of birth");
    }

    @Test
    void anImpossibleDateIsAnError() {
        Finding f = assertOne(check(rule, Collection.KS2_TA, pupil(Collection.KS2_TA).dob("2015-02-30").build()),
                "pupil.dobInvalid", Severity.ERROR, null);
        assertThat(f.message()).contains("'2015-02-30'").contains("YYYY-MM-DD");
    }

    @Test
    void aDateInAnotherFormIsAnError() {
        assertOne(check(rule, Collection.KS2_TA, pupil(Collection.KS2_TA).dob("15/01/2015").build()),
                "pupil.dobInvalid", Severity.ERROR, null);
    }

    @Test
    void aRealDatePassesWithOrWithoutATime() {
        assertThat(check(rule, Collection.KS2_TA, pupil(Collection.KS2_TA).dob("2015-01-15").build())).isEmpty();
        assertThat(check(rule, Collection.KS2_TA, pupil(Collection.KS2_TA).dob("2015-01-15T00:00:00").build()))
                .isEmpty();
    }
}
