package org.openreturns.engine.ctf;

import java.util.List;

/**
 * One {@code Pupil} as read: identity, year group and every {@code StageAssessment} the file carries for the pupil,
 * including earlier years' results (a CTF is cumulative, ctf.md §4). Values are trimmed text or null.
 * {@code sex} holds {@code Sex} or, in older versions, {@code Gender}. {@code characteristics} holds what the
 * pupil-group breakdowns need, or null when the file carries none of it (assessment-only files usually do not).
 */
public record CtfPupil(
        String upn,
        String surname,
        String forename,
        String dob,
        String sex,
        String ncYearActual,
        List<StageAssessment> assessments,
        int line,
        Characteristics characteristics) {

    /** A pupil whose file carries no characteristics beyond sex and year group. */
    public CtfPupil(String upn, String surname, String forename, String dob, String sex, String ncYearActual,
            List<StageAssessment> assessments, int line) {
        this(upn, surname, forename, dob, sex, ncYearActual, assessments, line, null);
    }

    /** The same pupil with other results; characteristics kept. */
    public CtfPupil withAssessments(List<StageAssessment> rows) {
        return new CtfPupil(upn, surname, forename, dob, sex, ncYearActual, rows, line, characteristics);
    }

    /** "Forename Surname (UPN)" or the best part of it that exists, to name the pupil in messages. */
    public String describe() {
        String name = ((forename == null ? "" : forename) + " " + (surname == null ? "" : surname)).trim();
        String id = upn == null ? "no UPN" : upn;
        return name.isEmpty() ? "pupil at line " + line + " (" + id + ")" : name + " (" + id + ")";
    }

    /**
     * The blocks of a full CTF that pupil-group breakdowns use (ctf.md §3 lists them by name only). Each component is
     * null when its block is absent from the pupil's record, which means "not in the file", never "no".
     *
     * <p>Layouts read, and what of them is inferred [I] from the names of the CTF specification's elements:
     * <ul>
     * <li>{@code FSMhistory/FSMinstance*} with {@code FSMstartDate}, optional {@code FSMendDate}, {@code UKcountry};
     *     {@code FSMreviewDate} is skipped. [I: FSMinstance and its children]</li>
     * <li>{@code SENhistory/SEN*} with {@code StartDate}, {@code SENprovision} (N, K SEN support, E EHC plan) and
     *     {@code SENneeds}, which is skipped. [I: SEN and its children]</li>
     * <li>{@code BasicDetails/Languages/Type*} with {@code LanguageType} (F first language) and {@code Language}
     *     (ISO 639-2 style code, ENG/ENB English). [I: the children of Type]</li>
     * <li>{@code LookedAfter/InCare} true or false; the rest of the block is skipped. [I: InCare]</li>
     * </ul>
     *
     * @param fsm the pupil's periods of free school meals eligibility; empty when the block is there with none
     * @param sen the pupil's SEN records in file order; empty when the block is there with none
     * @param firstLanguage the {@code Language} of the {@code Type} whose {@code LanguageType} is F; "" when the
     *     {@code Languages} block is there without a first language
     * @param inCare {@code LookedAfter/InCare}
     */
    public record Characteristics(List<FsmPeriod> fsm, List<SenRecord> sen, String firstLanguage, Boolean inCare) {

        public boolean isEmpty() {
            return fsm == null && sen == null && firstLanguage == null && inCare == null;
        }
    }

    /** One {@code FSMinstance}: dates as written ({@code YYYY-MM-DD}); end null while the pupil is still eligible. */
    public record FsmPeriod(String startDate, String endDate, String country) {
    }

    /** One {@code SEN} record: its {@code StartDate} as written and {@code SENprovision} code. */
    public record SenRecord(String startDate, String provision) {
    }
}
