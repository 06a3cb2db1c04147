package org.openreturns.engine.rules.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.rules.TestPupils.assertOne;
import static org.openreturns.engine.rules.TestPupils.check;
import static org.openreturns.engine.rules.TestPupils.pupil;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

class DateOfBirthOutsideYearGroupTest {

    private final DateOfBirthOutsideYearGroup rule = new DateOfBirthOutsideYearGroup();

    @Test
    void aYear1PupilBornAYearTooEarlyIsAQuery() {
        Finding f = assertOne(check(rule, Collection.PHONICS, pupil(Collection.PHONICS).ncYear("1")
                .dob("2019-08-31").build()), "pupil.dobOutsideYearGroup", Severity.QUERY, null);
        assertThat(f.message()).contains("Year 1").contains("2019-09-01 to 2020-08-31");
    }

    @Test
    void theEdgesOfTheRangePass() {
        assertThat(check(rule, Collection.PHONICS, pupil(Collection.PHONICS).ncYear("1").dob("2019-09-01").build()))
                .isEmpty();
        assertThat(check(rule, Collection.PHONICS, pupil(Collection.PHONICS).ncYear("1").dob("2020-08-31").build()))
                .isEmpty();
    }

    @Test
    void withoutAYearGroupTheCollectionsYearGroupsAreUsed() {
        // Phonics takes Year 1 and Year 2 pupils, so a Year 2 birth date is normal.
        assertThat(check(rule, Collection.PHONICS, pupil(Collection.PHONICS).ncYear(null).dob("2019-01-15").build()))
                .isEmpty();
        assertOne(check(rule, Collection.MTC, pupil(Collection.MTC).ncYear(null).dob("2019-01-15").build()),
                "pupil.dobOutsideYearGroup", Severity.QUERY, null);
    }

    @Test
    void anInvalidDateIsLeftToDateOfBirthInvalid() {
        assertThat(check(rule, Collection.MTC, pupil(Collection.MTC).dob("2017-13-01").build())).isEmpty();
    }
}
