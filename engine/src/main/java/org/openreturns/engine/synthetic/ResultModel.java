package org.openreturns.engine.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.PhonicsThresholds;
import org.openreturns.engine.ctf.StageAssessment;

/**
 * Draws results close to the national figures (reference/rules.md §3): EYFSP about 68% GLD, 65% at expected in all
 * 17 goals, 14 goals at expected on average; phonics about 80% of Year 1 at or above the threshold; KS2 writing about
 * 72% EXS or GDS and 13% GDS, science 81% EXS; MTC average 21.0 with about 37% scoring 25. A pupil's ability (a
 * standard normal draw) correlates their goals and subjects. CTF codes as the bundled item table reads them
 * (openreturns/items/2022.csv; ctf.md §5), and a CTF is cumulative (ctf.md §4), so pupils also carry earlier years'
 * results: Year 1 their EYFSP, Year 2 their Year 1 phonics check, Year 4 their phonics, Year 6 their Year 4 MTC.
 */
final class ResultModel {

    /** The area (CTF Subject) of each ELG, E01 to E17 (ctf.md §5.2). */
    static final String[] ELG_AREAS = {"COM", "COM", "PSE", "PSE", "PSE", "PHY", "PHY", "LIT", "LIT", "LIT", "MAT",
        "MAT", "UTW", "UTW", "UTW", "EXP", "EXP"};
    static final int GLD_GOALS = 12;
    static final List<String> KS_ITEMS = List.of("READ", "WRIT", "MAT", "SCI");

    /** Used to draw plausible marks where the year's threshold is not published yet; the historic value. */
    private static final int USUAL_THRESHOLD = 32;
    private static final int MAX_MARK = 40;
    private static final int MAX_SCORE = 25;

    private final AcademicYear year;
    private final Integer threshold;

    ResultModel(AcademicYear year) {
        this.year = year;
        this.threshold = PhonicsThresholds.forYear(year);
    }

    /** The year's threshold mark, null while unpublished. */
    Integer threshold() {
        return threshold;
    }

    AcademicYear year() {
        return year;
    }

    // ---- whole pupils, per collection, with their history ----

    List<StageAssessment> eyfsp(SyntheticChild c) {
        return eyfspRows(year.summerYear(), elgs(c.ability(), random(c, Collection.EYFSP)));
    }

    List<StageAssessment> phonics(SyntheticChild c) {
        List<StageAssessment> rows = new ArrayList<>();
        Random r = random(c, Collection.PHONICS);
        int entry = receptionSummer(c);
        rows.addAll(eyfspRows(entry, elgs(c.ability(), history(c, 1))));
        if (c.ncYear().value() >= 2) {
            rows.addAll(phonicsHistory(c));
            // A re-check: these pupils did not meet the standard in Year 1, so fewer meet it now.
            rows.add(phonicsRow(year.summerYear(), phonicsResult(r, r.nextDouble(), drawingThreshold(), 0.62)));
        } else {
            rows.add(phonicsRow(year.summerYear(), phonicsResult(r, percentile(c, r), drawingThreshold(), 0.83)));
        }
        return rows;
    }

    List<StageAssessment> ks1(SyntheticChild c) {
        Random r = random(c, Collection.KS1);
        List<StageAssessment> rows = new ArrayList<>(phonicsHistory(c));
        boolean below = phi(c.ability()) < 0.03;
        int y = year.summerYear();
        rows.add(taRow("KS1", y, "READ", below ? preKeyStage(r, 4) : standard(percentile(c, r), 0.19, 0.68)));
        rows.add(taRow("KS1", y, "WRIT", below ? preKeyStage(r, 4) : standard(percentile(c, r), 0.08, 0.60)));
        rows.add(taRow("KS1", y, "MAT", below ? preKeyStage(r, 4) : standard(percentile(c, r), 0.16, 0.70)));
        rows.add(taRow("KS1", y, "SCI", below || percentile(c, r) < 0.21 ? "HNM" : "EXS"));
        return rows;
    }

    List<StageAssessment> ks2(SyntheticChild c) {
        Random r = random(c, Collection.KS2_TA);
        List<StageAssessment> rows = new ArrayList<>();
        int y = year.summerYear();
        double leftOrAbsent = r.nextDouble();
        if (leftOrAbsent < 0.003) {
            // Left the school after registration: L in writing and science (reference/rules.md §1.4).
            rows.add(taRow("KS2", y, "WRIT", "L"));
            rows.add(taRow("KS2", y, "SCI", "L"));
        } else if (phi(c.ability()) < 0.05) {
            // Working below the standard of the tests: reading and maths TA are needed only for these pupils.
            rows.add(taRow("KS2", y, "READ", preKeyStage(r, 6)));
            rows.add(taRow("KS2", y, "WRIT", preKeyStage(r, 6)));
            rows.add(taRow("KS2", y, "MAT", preKeyStage(r, 6)));
            rows.add(taRow("KS2", y, "SCI", "HNM"));
        } else {
            rows.add(taRow("KS2", y, "WRIT", leftOrAbsent < 0.008 ? "A" : standard(percentile(c, r), 0.125, 0.725)));
            rows.add(taRow("KS2", y, "SCI", leftOrAbsent < 0.008 ? "A" : percentile(c, r) < 0.18 ? "HNM" : "EXS"));
        }
        rows.add(mtcRow(y - 2, mtcResult(history(c, 4), percentile(c, history(c, 5)))));
        return rows;
    }

    List<StageAssessment> mtc(SyntheticChild c) {
        Random r = random(c, Collection.MTC);
        List<StageAssessment> rows = new ArrayList<>(phonicsHistory(c));
        rows.add(mtcRow(year.summerYear(), mtcResult(r, percentile(c, r))));
        return rows;
    }

    List<StageAssessment> forCollection(Collection collection, SyntheticChild c) {
        return switch (collection) {
            case EYFSP -> eyfsp(c);
            case PHONICS -> phonics(c);
            case KS1 -> ks1(c);
            case KS2_TA -> ks2(c);
            case MTC -> mtc(c);
        };
    }

    /**
     * Whether a Year 2 pupil takes the check again: those who did not meet the standard in Year 1 (here only marks
     * clearly below any threshold, so that no year's threshold could make them a pass) or were absent then; about
     * one in ten of a year group (reference/rules.md §1.2).
     */
    boolean retakes(SyntheticChild c) {
        if (c.ncYear().value() != 2) {
            return false;
        }
        String y1 = phonicsY1Result(c);
        if (y1.equals("A")) {
            return true;
        }
        Integer mark = wholeNumber(y1);
        return mark != null && mark <= 30 && history(c, 3).nextDouble() < 0.33;
    }

    // ---- history ----

    private int receptionSummer(SyntheticChild c) {
        return year.summerYear() - c.ncYear().value();
    }

    /** The Year 1 phonics check this pupil took, with its outcome when a mark (schools' MIS record both). */
    List<StageAssessment> phonicsHistory(SyntheticChild c) {
        int y1 = receptionSummer(c) + 1;
        String result = phonicsY1Result(c);
        List<StageAssessment> rows = new ArrayList<>(2);
        rows.add(phonicsRow(y1, result));
        Integer mark = wholeNumber(result);
        if (mark != null) {
            rows.add(phonicsRow(y1, mark >= thresholdOf(y1) ? "Wa" : "WT"));
        }
        return rows;
    }

    private String phonicsY1Result(SyntheticChild c) {
        Random r = history(c, 2);
        return phonicsResult(r, percentile(c, r), thresholdOf(receptionSummer(c) + 1), 0.82);
    }

    private static int thresholdOf(int summerYear) {
        Integer t = PhonicsThresholds.forYear(AcademicYear.ofSummer(summerYear));
        return t == null ? USUAL_THRESHOLD : t;
    }

    int drawingThreshold() {
        return threshold == null ? USUAL_THRESHOLD : threshold;
    }

    // ---- the models ----

    /**
     * The 17 ELGs from the child's ability percentile: the top 65% reach expected in all; the next 3% in the 12 GLD
     * goals but not all the others; below that each goal is expected with a probability that rises with ability,
     * and at least one GLD goal is emerging. An absent child is recorded as emerging, never A (rules.md §0.4).
     */
    static String[] elgs(double ability, Random r) {
        String[] v = new String[ELG_AREAS.length];
        double p = phi(ability);
        java.util.Arrays.fill(v, "2");
        if (p >= 0.35) {
            return v;
        }
        if (p >= 0.32) {
            int emerging = GLD_GOALS + r.nextInt(ELG_AREAS.length - GLD_GOALS);
            v[emerging] = "1";
            for (int i = GLD_GOALS; i < v.length; i++) {
                if (r.nextDouble() < 0.25) {
                    v[i] = "1";
                }
            }
            return v;
        }
        double q = 0.15 + 0.7 * (p / 0.32);
        boolean allGld = true;
        for (int i = 0; i < v.length; i++) {
            boolean literacy = i >= 7 && i <= 9;
            v[i] = r.nextDouble() < (literacy ? q * 0.85 : q) ? "2" : "1";
            if (i < GLD_GOALS && v[i].equals("1")) {
                allGld = false;
            }
        }
        if (allGld) {
            v[7 + r.nextInt(5)] = "1";
        }
        return v;
    }

    static List<StageAssessment> eyfspRows(int summerYear, String[] values) {
        List<StageAssessment> rows = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            rows.add(elgRow(summerYear, i, values[i]));
        }
        return rows;
    }

    static StageAssessment elgRow(int summerYear, int index, String result) {
        return row("FSP", summerYear, ELG_AREAS[index], "TA", elgId(index), null, result);
    }

    static String elgId(int index) {
        return String.format("E%02d", index + 1);
    }

    /**
     * A mark 0-40 or, for a few pupils, a reason code (A absent, D did not take it, L left, Q maladministration);
     * {@code metRate} of those with a mark reach the threshold, marks bunching towards 40 above it and just under it
     * below it, as the national distribution does.
     */
    static String phonicsResult(Random r, double p, int threshold, double metRate) {
        double code = r.nextDouble();
        if (code < 0.035) {
            double which = code / 0.035;
            return which < 0.4 ? "A" : which < 0.85 ? "D" : which < 0.95 ? "L" : "Q";
        }
        int mark;
        if (p >= 1 - metRate) {
            double f = (p - (1 - metRate)) / metRate;
            mark = MAX_MARK - (int) Math.floor(Math.pow(1 - f, 1.8) * (MAX_MARK + 1 - threshold));
            mark = Math.max(threshold, Math.min(MAX_MARK, mark));
        } else {
            double f = p / (1 - metRate);
            mark = threshold - 1 - (int) Math.floor(Math.pow(1 - f, 1.5) * threshold);
            mark = Math.max(0, Math.min(threshold - 1, mark));
        }
        return Integer.toString(mark);
    }

    /** Phonics: KS1/PHO/CHK/TT; the outcome and reason codes carry qualifier NY (ctf.md §10, Bromcom). */
    static StageAssessment phonicsRow(int summerYear, String result) {
        boolean mark = wholeNumber(result) != null;
        return row("KS1", summerYear, "PHO", "TT", "CHK", mark ? null : "NY", result);
    }

    /** GDS for the top {@code gds} share, EXS down to {@code expectedOrAbove}, WTS below. */
    static String standard(double p, double gds, double expectedOrAbove) {
        return p >= 1 - gds ? "GDS" : p >= 1 - expectedOrAbove ? "EXS" : "WTS";
    }

    /** A pre-key-stage standard PK1..PKmax, or now and then the engagement model (EM). */
    static String preKeyStage(Random r, int max) {
        return r.nextInt(8) == 0 ? "EM" : "PK" + (1 + r.nextInt(max));
    }

    /** Teacher assessment: reading ENG/READ, writing ENG/WRIT, maths MAT/MAT, science SCI/SCI, method TA. */
    static StageAssessment taRow(String stage, int summerYear, String item, String result) {
        String subject = switch (item) {
            case "READ", "WRIT" -> "ENG";
            default -> item;
        };
        return row(stage, summerYear, subject, "TA", item, null, result);
    }

    /**
     * A score 0-25 or a few of the MTC's codes (A absent, B working below, J just arrived, U unable to access, L
     * left, Z, X; ctf.md §5.1, valid in every year). Takers score 25 in about 39% of cases; the rest fall away
     * geometrically, which gives an average near 21.
     */
    static String mtcResult(Random r, double p) {
        double code = r.nextDouble();
        if (code < 0.045) {
            double which = code / 0.045;
            return which < 0.45 ? "A" : which < 0.75 ? "B" : which < 0.85 ? "J" : which < 0.93 ? "U" : which < 0.97
                    ? "L" : "X";
        }
        if (p >= 0.613) {
            return Integer.toString(MAX_SCORE);
        }
        double q = Math.max(p / 0.613, 1e-9);
        int drop = (int) Math.floor(-Math.log(q) * 6.0);
        return Integer.toString(Math.max(0, MAX_SCORE - 1 - drop));
    }

    /** MTC exactly as the DfE's service writes it: KS2/MAT/MTC/TT, qualifier MT (ctf.md §5.1). */
    static StageAssessment mtcRow(int summerYear, String result) {
        return row("KS2", summerYear, "MAT", "TT", "MTC", "MT", result);
    }

    static StageAssessment row(String stage, int summerYear, String subject, String method, String component,
            String qualifier, String result) {
        return new StageAssessment(stage, "ENG", Integer.toString(summerYear), subject, method, component, "R",
                qualifier, result, 0);
    }

    // ---- randomness ----

    /** A subject's percentile: the pupil's ability plus a subject-specific part, so subjects agree but not always. */
    static double percentile(SyntheticChild c, Random r) {
        return phi(0.8 * c.ability() + 0.6 * r.nextGaussian());
    }

    private static Random random(SyntheticChild c, Collection collection) {
        return new Random(c.seed() * 31 + collection.ordinal() + 101);
    }

    private static Random history(SyntheticChild c, int which) {
        return new Random(c.seed() * 17 + which);
    }

    static Integer wholeNumber(String s) {
        return s != null && s.matches("\\d{1,3}") ? Integer.valueOf(s) : null;
    }

    /** The standard normal distribution function (Abramowitz and Stegun 7.1.26; error below 1e-7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
