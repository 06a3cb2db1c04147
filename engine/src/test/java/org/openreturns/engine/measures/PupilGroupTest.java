package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfPupil.Characteristics;
import org.openreturns.engine.ctf.CtfPupil.FsmPeriod;
import org.openreturns.engine.ctf.CtfPupil.SenRecord;
import org.openreturns.engine.measures.PupilGroup.Breakdown;

class PupilGroupTest {

    /** 2025/26: assessed 1 June 2026, so the six-year FSM window opens on 1 June 2020. */
    private static final AcademicYear YEAR = AcademicYear.ofSummer(2026);

    private static CtfPupil pupil(String sex, Characteristics c) {
        return new CtfPupil("A123456789012", "Surname", "Forename", "2014-01-01", sex, "6", List.of(), 1, c);
    }

    private static PupilGroup group(Breakdown b, Characteristics c) {
        return PupilGroup.of(b, pupil("F", c), YEAR);
    }

    private static Characteristics fsm(FsmPeriod... periods) {
        return new Characteristics(List.of(periods), null, null, null);
    }

    @Test
    void sexIsGirlsOrBoysAndAnythingElseIsNoGroup() {
        assertThat(PupilGroup.of(Breakdown.SEX, pupil("F", null), YEAR)).isEqualTo(PupilGroup.GIRLS);
        assertThat(PupilGroup.of(Breakdown.SEX, pupil("M", null), YEAR)).isEqualTo(PupilGroup.BOYS);
        assertThat(PupilGroup.of(Breakdown.SEX, pupil("U", null), YEAR)).isNull();
        assertThat(PupilGroup.of(Breakdown.SEX, pupil(null, null), YEAR)).isNull();
    }

    @Test
    void disadvantagedMeansFsmOnAnyDayOfTheSixYearsBeforeTheAssessment() {
        assertThat(group(Breakdown.DISADVANTAGE, fsm(new FsmPeriod("2019-09-01", "2020-05-31", "ENG"))))
                .isEqualTo(PupilGroup.NOT_DISADVANTAGED);
        assertThat(group(Breakdown.DISADVANTAGE, fsm(new FsmPeriod("2019-09-01", "2020-06-01", "ENG"))))
                .isEqualTo(PupilGroup.DISADVANTAGED);
        assertThat(group(Breakdown.DISADVANTAGE, fsm(new FsmPeriod("2026-06-01", null, "ENG"))))
                .isEqualTo(PupilGroup.DISADVANTAGED);
        assertThat(group(Breakdown.DISADVANTAGE, fsm(new FsmPeriod("2026-06-02", null, "ENG"))))
                .isEqualTo(PupilGroup.NOT_DISADVANTAGED);
        assertThat(group(Breakdown.DISADVANTAGE, fsm())).isEqualTo(PupilGroup.NOT_DISADVANTAGED);
        assertThat(group(Breakdown.DISADVANTAGE, fsm(new FsmPeriod("not a date", null, "ENG"))))
                .isEqualTo(PupilGroup.NOT_DISADVANTAGED);
    }

    @Test
    void lookedAfterIsDisadvantagedButNotLookedAfterAloneSaysNothingAboutFsm() {
        assertThat(group(Breakdown.DISADVANTAGE, new Characteristics(null, null, null, true)))
                .isEqualTo(PupilGroup.DISADVANTAGED);
        assertThat(group(Breakdown.DISADVANTAGE, new Characteristics(List.of(), null, null, true)))
                .isEqualTo(PupilGroup.DISADVANTAGED);
        assertThat(group(Breakdown.DISADVANTAGE, new Characteristics(null, null, "ENG", false))).isNull();
        assertThat(group(Breakdown.DISADVANTAGE, null)).isNull();
    }

    @Test
    void senIsTheLatestRecordByStartDate() {
        assertThat(group(Breakdown.SEN, new Characteristics(null,
                List.of(new SenRecord("2024-01-01", "K"), new SenRecord("2021-01-01", "E")), null, null)))
                .isEqualTo(PupilGroup.SEN_SUPPORT);
        assertThat(group(Breakdown.SEN, new Characteristics(null,
                List.of(new SenRecord("2022-01-01", "K"), new SenRecord("2025-01-01", "N")), null, null)))
                .isEqualTo(PupilGroup.NO_SEN);
        assertThat(group(Breakdown.SEN, new Characteristics(null,
                List.of(new SenRecord("2022-01-01", "E")), null, null))).isEqualTo(PupilGroup.EHC_PLAN);
        assertThat(group(Breakdown.SEN, new Characteristics(null, List.of(), null, null)))
                .isEqualTo(PupilGroup.NO_SEN);
        assertThat(group(Breakdown.SEN, new Characteristics(null,
                List.of(new SenRecord("2022-01-01", "X")), null, null))).isNull();
        assertThat(group(Breakdown.SEN, new Characteristics(List.of(), null, null, null))).isNull();
    }

    @Test
    void firstLanguageIsEnglishOtherOrUnknown() {
        assertThat(group(Breakdown.EAL, new Characteristics(null, null, "ENG", null))).isEqualTo(PupilGroup.ENGLISH);
        assertThat(group(Breakdown.EAL, new Characteristics(null, null, "ENB", null))).isEqualTo(PupilGroup.ENGLISH);
        assertThat(group(Breakdown.EAL, new Characteristics(null, null, "POL", null)))
                .isEqualTo(PupilGroup.OTHER_THAN_ENGLISH);
        assertThat(group(Breakdown.EAL, new Characteristics(null, null, "REF", null)))
                .isEqualTo(PupilGroup.LANGUAGE_UNKNOWN);
        assertThat(group(Breakdown.EAL, new Characteristics(null, null, "NOT", null)))
                .isEqualTo(PupilGroup.LANGUAGE_UNKNOWN);
        assertThat(group(Breakdown.EAL, new Characteristics(null, null, "", null)))
                .isEqualTo(PupilGroup.LANGUAGE_UNKNOWN);
        assertThat(group(Breakdown.EAL, new Characteristics(List.of(), null, null, null))).isNull();
    }

    @Test
    void aPupilIsInOneGroupOfEachBreakdownTheirFileCarries() {
        CtfPupil p = pupil("M", new Characteristics(List.of(), null, "URD", null));

        assertThat(PupilGroup.of(p, YEAR)).containsExactly(PupilGroup.BOYS, PupilGroup.NOT_DISADVANTAGED,
                PupilGroup.OTHER_THAN_ENGLISH);
        assertThat(Breakdown.SEN.groups()).containsExactly(PupilGroup.NO_SEN, PupilGroup.SEN_SUPPORT,
                PupilGroup.EHC_PLAN);
    }
}
