package org.openreturns.engine.measures;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.ctf.CtfPupil;

/**
 * The pupil groups of the DfE's breakdowns (reference/rules.md §3) that a CTF can carry: sex, disadvantage, SEN
 * provision and first language. A pupil whose file does not carry what a breakdown needs is in no group of it, so
 * that a missing block never counts as "no".
 */
public enum PupilGroup {

    GIRLS(Breakdown.SEX, "Girls"),
    BOYS(Breakdown.SEX, "Boys"),
    DISADVANTAGED(Breakdown.DISADVANTAGE, "Disadvantaged"),
    NOT_DISADVANTAGED(Breakdown.DISADVANTAGE, "Not disadvantaged"),
    NO_SEN(Breakdown.SEN, "No SEN"),
    SEN_SUPPORT(Breakdown.SEN, "SEN support"),
    EHC_PLAN(Breakdown.SEN, "EHC plan"),
    ENGLISH(Breakdown.EAL, "English"),
    OTHER_THAN_ENGLISH(Breakdown.EAL, "Other than English"),
    LANGUAGE_UNKNOWN(Breakdown.EAL, "Unknown");

    /** A way of dividing pupils; its groups are the {@link PupilGroup}s naming it, in declaration order. */
    public enum Breakdown {
        SEX("Sex", "sex"),
        DISADVANTAGE("Disadvantage", "free school meals or looked-after history"),
        SEN("Special educational needs", "SEN history"),
        EAL("First language", "first language");

        private final String label;
        private final String carries;

        Breakdown(String label, String carries) {
            this.label = label;
            this.carries = carries;
        }

        public String label() {
            return label;
        }

        /** What a file must hold for the breakdown, as a message names it ("Your file does not include ..."). */
        public String carries() {
            return carries;
        }

        public List<PupilGroup> groups() {
            List<PupilGroup> groups = new ArrayList<>();
            for (PupilGroup g : PupilGroup.values()) {
                if (g.breakdown == this) {
                    groups.add(g);
                }
            }
            return groups;
        }
    }

    /** "FSM in the last six years": the DfE's disadvantage measure (Ever 6 FSM), or looked after. */
    public static final int DISADVANTAGE_YEARS = 6;

    private final Breakdown breakdown;
    private final String label;

    PupilGroup(Breakdown breakdown, String label) {
        this.breakdown = breakdown;
        this.label = label;
    }

    public Breakdown breakdown() {
        return breakdown;
    }

    public String label() {
        return label;
    }

    /**
     * The day the six-year FSM window ends for a year's assessments: 1 June, in the summer term in which the phonics
     * check, the MTC and the KS2 tests are taken and the EYFSP and TA are completed. [I: the DfE counts to the
     * January census of the assessment year; a pupil first eligible between January and June counts here]
     */
    public static LocalDate assessmentDate(AcademicYear year) {
        return LocalDate.of(year.summerYear(), 6, 1);
    }

    /** The pupil's group in each breakdown their file carries, in breakdown order. */
    public static List<PupilGroup> of(CtfPupil pupil, AcademicYear year) {
        List<PupilGroup> groups = new ArrayList<>(4);
        for (Breakdown b : Breakdown.values()) {
            PupilGroup g = of(b, pupil, year);
            if (g != null) {
                groups.add(g);
            }
        }
        return groups;
    }

    /** The pupil's group in the breakdown, or null when the file does not carry what it needs. */
    public static PupilGroup of(Breakdown breakdown, CtfPupil pupil, AcademicYear year) {
        CtfPupil.Characteristics c = pupil.characteristics();
        return switch (breakdown) {
            case SEX -> "F".equals(pupil.sex()) ? GIRLS : "M".equals(pupil.sex()) ? BOYS : null;
            case DISADVANTAGE -> c == null ? null : disadvantage(c, year);
            case SEN -> c == null || c.sen() == null ? null : sen(c.sen());
            case EAL -> c == null || c.firstLanguage() == null ? null : language(c.firstLanguage());
        };
    }

    /**
     * Looked after, or eligible for FSM on any day of the six years to the assessment. Not looked after with no FSM
     * history in the file is not knowing; an FSM history with no period in the window, and not looked after, is not
     * disadvantaged. A period whose dates cannot be read is not counted.
     */
    private static PupilGroup disadvantage(CtfPupil.Characteristics c, AcademicYear year) {
        if (Boolean.TRUE.equals(c.inCare())) {
            return DISADVANTAGED;
        }
        if (c.fsm() == null) {
            return null;
        }
        LocalDate end = assessmentDate(year);
        LocalDate start = end.minusYears(DISADVANTAGE_YEARS);
        for (CtfPupil.FsmPeriod p : c.fsm()) {
            LocalDate from = date(p.startDate());
            LocalDate to = p.endDate() == null ? null : date(p.endDate());
            if (from == null || p.endDate() != null && to == null) {
                continue;
            }
            if (!from.isAfter(end) && (to == null || !to.isBefore(start))) {
                return DISADVANTAGED;
            }
        }
        return NOT_DISADVANTAGED;
    }

    /**
     * The provision of the latest record by StartDate (a later one in the file wins a tie; one without a date is
     * taken as the earliest). The codes before 2014 are read as their successors: S (statement) as an EHC plan, A and
     * P (School Action, Action Plus) as SEN support. [I] Any other code puts the pupil in no group.
     */
    private static PupilGroup sen(List<CtfPupil.SenRecord> records) {
        CtfPupil.SenRecord latest = null;
        for (CtfPupil.SenRecord r : records) {
            if (latest == null || compareDates(r.startDate(), latest.startDate()) >= 0) {
                latest = r;
            }
        }
        if (latest == null) {
            return NO_SEN;
        }
        String provision = latest.provision() == null ? "" : latest.provision();
        return switch (provision) {
            case "N" -> NO_SEN;
            case "K", "A", "P" -> SEN_SUPPORT;
            case "E", "S" -> EHC_PLAN;
            default -> null;
        };
    }

    /** ENG and ENB are English (ENB: believed to be English); NOT (not obtained), REF (refused) and none unknown. */
    private static PupilGroup language(String code) {
        return switch (code) {
            case "ENG", "ENB" -> ENGLISH;
            case "", "NOT", "REF" -> LANGUAGE_UNKNOWN;
            default -> OTHER_THAN_ENGLISH;
        };
    }

    /** ISO dates compare as text; a missing one sorts first. */
    private static int compareDates(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
