package org.openreturns.engine.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.collection.PhonicsThresholds;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.LaCodes;

/**
 * Puts one mistake into a clean pupil so that validation finds exactly that mistake, once. Each kind changes only
 * what it must, and avoids the side effects that would set off a second rule: a DOB outside the year group is still
 * a real date; a malformed UPN is not missing and not the same as any other; a duplicated UPN is copied from an
 * earlier valid pupil and the pupil is otherwise valid; a phonics invalid code sits beside a valid mark, so the pupil
 * still has a result; a KS2 pupil who had left is first given ordinary results, so that no other subject disagrees.
 */
final class DefectInjector {

    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /** The changed pupil and the item the finding will name (null when it names none). */
    record Injection(CtfPupil pupil, String item) {
    }

    private final Collection collection;
    private final ResultModel model;
    private final String thisYear;

    DefectInjector(Collection collection, ResultModel model) {
        this.collection = collection;
        this.model = model;
        this.thisYear = Integer.toString(model.year().summerYear());
    }

    /** Whether the kind can be put into this pupil; {@code earlier} are UPNs that a duplicate could copy. */
    boolean applies(DefectKind kind, CtfPupil p, List<String> earlier) {
        return switch (kind) {
            case UPN_DUPLICATE -> !earlier.isEmpty();
            case PHONICS_OUTCOME_INCONSISTENT -> model.threshold() != null;
            case PHONICS_ALREADY_MET -> "2".equals(p.ncYearActual()) && has(p, a -> isPhonics(a) && !current(a));
            default -> kind.collection() == null || kind.collection() == collection;
        };
    }

    /**
     * The pupil with the defect. {@code used} holds every UPN written for the collection across the LA, so that a
     * malformed UPN never matches another pupil's in this or another school's file.
     */
    Injection apply(DefectKind kind, CtfPupil p, Random r, List<String> earlier, Set<String> used) {
        return switch (kind) {
            case UPN_MISSING -> new Injection(withUpn(p, r.nextBoolean() ? "" : null), null);
            case UPN_FORMAT -> new Injection(withUpn(p, unused(used, () -> malformed(p.upn(), r))), null);
            case UPN_CHECK_LETTER -> new Injection(withUpn(p, unused(used, () -> wrongLetter(p.upn(), r))), null);
            case UPN_LA_CODE -> new Injection(withUpn(p, unused(used, () -> unknownLa(p.upn(), r))), null);
            case UPN_DUPLICATE -> new Injection(withUpn(p, earlier.get(r.nextInt(earlier.size()))), null);
            case SURNAME_MISSING -> new Injection(new CtfPupil(p.upn(), r.nextBoolean() ? "" : null, p.forename(),
                    p.dob(), p.sex(), p.ncYearActual(), p.assessments(), 0, p.characteristics()), null);
            case FORENAME_MISSING -> new Injection(new CtfPupil(p.upn(), p.surname(), r.nextBoolean() ? "" : null,
                    p.dob(), p.sex(), p.ncYearActual(), p.assessments(), 0, p.characteristics()), null);
            case DOB_INVALID -> new Injection(withDob(p, invalidDate(LocalDate.parse(p.dob()), r)), null);
            case SEX_INVALID -> new Injection(new CtfPupil(p.upn(), p.surname(), p.forename(), p.dob(),
                    pick(r, "U", "X", "", null, "Male", "9"), p.ncYearActual(), p.assessments(), 0, p.characteristics()), null);
            case DOB_OUTSIDE_YEAR_GROUP -> new Injection(withDob(p, outsideYearGroup(p, r).toString()), null);
            case RESULT_CONFLICT -> conflict(p, r);
            case EYFSP_ELG_MISSING -> {
                int i = r.nextInt(ResultModel.ELG_AREAS.length);
                String id = ResultModel.elgId(i);
                yield new Injection(r.nextBoolean() ? withoutItem(p, id) : setItem(p, id, ""), id);
            }
            case EYFSP_INVALID_CODE -> {
                String id = ResultModel.elgId(r.nextInt(ResultModel.ELG_AREAS.length));
                yield new Injection(setItem(p, id, pick(r, "3", "X", "0", "E", "4")), id);
            }
            case EYFSP_ALL_OR_NONE_A -> {
                CtfPupil q = p;
                int count = 1 + r.nextInt(6);
                for (int n = 0; n < count; n++) {
                    q = setItem(q, ResultModel.elgId(r.nextInt(ResultModel.ELG_AREAS.length)), "A");
                }
                yield new Injection(q, null);
            }
            case EYFSP_EXEMPTION -> {
                CtfPupil q = p;
                for (int i = 0; i < ResultModel.ELG_AREAS.length; i++) {
                    q = setItem(q, ResultModel.elgId(i), "A");
                }
                yield new Injection(q, null);
            }
            case PHONICS_NO_RESULT -> new Injection(withoutItem(p, "CHK"), "CHK");
            case PHONICS_MARK_OUT_OF_RANGE -> new Injection(phonicsCurrent(p, Integer.toString(41 + r.nextInt(15))),
                    "CHK");
            case PHONICS_INVALID_CODE -> new Injection(phonicsCurrent(p, mark(r, 0, 40),
                    pick(r, "X", "N", "B", "E", "W")), "CHK");
            case PHONICS_MARK_AND_CODE -> new Injection(phonicsCurrent(p, mark(r, 0, 40),
                    pick(r, "A", "D", "L", "Q")), "CHK");
            case PHONICS_OUTCOME_INCONSISTENT -> {
                int t = model.threshold();
                yield new Injection(r.nextBoolean() ? phonicsCurrent(p, mark(r, Math.max(0, t - 12), t - 1), "Wa")
                        : phonicsCurrent(p, mark(r, t, 40), "WT"), "CHK");
            }
            case PHONICS_ALREADY_MET -> new Injection(metLastYear(p, r), "CHK");
            case KS1_MISSING -> {
                String item = pick(r, "READ", "WRIT", "MAT", "SCI");
                yield new Injection(withoutItem(p, item), item);
            }
            case KS1_INVALID_CODE -> {
                int v = r.nextInt(5);
                String item = new String[] {"READ", "WRIT", "MAT", "SCI", "READ"}[v];
                String code = new String[] {"PK5", "L", "HNM", "GDS", "X"}[v];
                yield new Injection(setItem(p, item, code), item);
            }
            case KS2_MISSING -> {
                String item = pick(r, "WRIT", "SCI");
                yield new Injection(withoutItem(notLeft(p), item), item);
            }
            case KS2_INVALID_CODE -> {
                int v = r.nextInt(5);
                String item = new String[] {"READ", "MAT", "SCI", "WRIT", "WRIT"}[v];
                String code = new String[] {"EXS", "WTS", "GDS", "PK7", "D"}[v];
                yield new Injection(setOrAddTa(notLeft(p), "KS2", item, code), item);
            }
            case KS2_LEFT_INCONSISTENT -> new Injection(setItem(notLeft(p), pick(r, "WRIT", "SCI"), "L"), null);
            case MTC_MISSING -> new Injection(withoutItem(p, "MTC"), "MTC");
            case MTC_SCORE_OUT_OF_RANGE -> new Injection(setItem(p, "MTC", Integer.toString(26 + r.nextInt(15))),
                    "MTC");
            case MTC_INVALID_CODE -> new Injection(setItem(p, "MTC", pick(r, "D", "N", "Y", "W", "M", "K")), "MTC");
            case FILE_CTF_VERSION, FILE_ACADEMIC_YEAR, CROSSFILE_UPN_IN_TWO_SCHOOLS ->
                    throw new IllegalArgumentException(kind + " is not a defect of one pupil");
        };
    }

    // ---- identity ----

    private static String malformed(String upn, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> upn.substring(0, 12);
            case 1 -> upn.substring(0, 5) + "O" + upn.substring(6);
            case 2 -> Character.toLowerCase(upn.charAt(0)) + upn.substring(1);
            default -> upn + r.nextInt(10);
        };
    }

    private static String wrongLetter(String upn, Random r) {
        char right = upn.charAt(0);
        char wrong = right;
        while (wrong == right) {
            wrong = CHECK_LETTERS.charAt(r.nextInt(CHECK_LETTERS.length()));
        }
        return wrong + upn.substring(1);
    }

    /** A well-formed UPN with a correct check letter whose characters 2-4 are no LA's code. */
    private static String unknownLa(String upn, Random r) {
        String la;
        do {
            la = Integer.toString(100 + r.nextInt(900));
        } while (LaCodes.bundled().isKnown(la));
        return Upn.withCheckLetter(la + upn.substring(4));
    }

    private static String unused(Set<String> used, java.util.function.Supplier<String> make) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String upn = make.get();
            if (!used.contains(upn)) {
                return upn;
            }
        }
        throw new IllegalStateException("Could not make an unused UPN");
    }

    private static String invalidDate(LocalDate dob, Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> dob.getYear() + "-02-30";
            case 3 -> dob.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            default -> dob.getYear() + "-13-" + String.format("%02d", dob.getDayOfMonth());
        };
    }

    /** A real date a few weeks to most of a year outside the normal range of the pupil's year group. */
    private LocalDate outsideYearGroup(CtfPupil p, Random r) {
        NcYear nc = NcYear.parse(p.ncYearActual()).orElseThrow();
        AcademicYear y = model.year();
        return r.nextBoolean() ? nc.earliestNormalBirth(y).minusDays(20 + r.nextInt(300))
                : nc.latestNormalBirth(y).plusDays(20 + r.nextInt(300));
    }

    // ---- results ----

    private Injection conflict(CtfPupil p, Random r) {
        return switch (collection) {
            case EYFSP -> {
                int i = r.nextInt(ResultModel.ELG_AREAS.length);
                String id = ResultModel.elgId(i);
                String value = valueOf(p, id);
                yield new Injection(add(p, ResultModel.elgRow(year(), i, "2".equals(value) ? "1" : "2")), id);
            }
            case PHONICS -> {
                int first = Integer.parseInt(mark(r, 0, 39));
                CtfPupil q = phonicsCurrent(p, Integer.toString(first));
                yield new Injection(add(q, ResultModel.phonicsRow(year(), Integer.toString(first + 1))), "CHK");
            }
            case KS1 -> {
                String item = pick(r, "READ", "WRIT", "MAT", "SCI");
                String value = valueOf(p, item);
                String other = item.equals("SCI") ? ("EXS".equals(value) ? "HNM" : "EXS")
                        : ("EXS".equals(value) ? "WTS" : "EXS");
                yield new Injection(add(p, ResultModel.taRow("KS1", year(), item, other)), item);
            }
            case KS2_TA -> {
                CtfPupil q = notLeft(p);
                String item = pick(r, "WRIT", "SCI");
                String value = valueOf(q, item);
                String other = item.equals("SCI") ? ("EXS".equals(value) ? "HNM" : "EXS")
                        : ("EXS".equals(value) ? "WTS" : "EXS");
                yield new Injection(add(q, ResultModel.taRow("KS2", year(), item, other)), item);
            }
            case MTC -> {
                int score = r.nextInt(25);
                CtfPupil q = setItem(p, "MTC", Integer.toString(score));
                yield new Injection(add(q, ResultModel.mtcRow(year(), Integer.toString(score + 1))), "MTC");
            }
        };
    }

    /** This year's phonics results replaced by the given ones (a mark first, then any code). */
    private CtfPupil phonicsCurrent(CtfPupil p, String... results) {
        CtfPupil q = withoutItem(p, "CHK");
        for (String result : results) {
            q = add(q, ResultModel.phonicsRow(year(), result));
        }
        return q;
    }

    /** Last year's failed or missed check replaced by one that met the standard. */
    private CtfPupil metLastYear(CtfPupil p, Random r) {
        List<StageAssessment> rows = new ArrayList<>();
        String lastYear = null;
        for (StageAssessment a : p.assessments()) {
            if (isPhonics(a) && !current(a)) {
                lastYear = a.year();
            } else {
                rows.add(a);
            }
        }
        int y = Integer.parseInt(lastYear);
        Integer t = PhonicsThresholds.forYear(AcademicYear.ofSummer(y));
        int mark = Integer.parseInt(mark(r, t == null ? 32 : t, 40));
        rows.add(ResultModel.phonicsRow(y, Integer.toString(mark)));
        rows.add(ResultModel.phonicsRow(y, "Wa"));
        return withAssessments(p, rows);
    }

    /** A KS2 pupil coded L (left) gets ordinary writing and science results, so a change elsewhere stays alone. */
    private CtfPupil notLeft(CtfPupil p) {
        if (!"L".equals(valueOf(p, "WRIT")) && !"L".equals(valueOf(p, "SCI"))) {
            return p;
        }
        return setItem(setItem(p, "WRIT", "EXS"), "SCI", "EXS");
    }

    private CtfPupil setOrAddTa(CtfPupil p, String stage, String item, String value) {
        if (valueOf(p, item) != null || has(p, a -> current(a) && item.equals(a.component()))) {
            return setItem(p, item, value);
        }
        return add(p, ResultModel.taRow(stage, year(), item, value));
    }

    /** This year's rows whose Component is the item id (E01, CHK, READ, MTC) get the value. */
    private CtfPupil setItem(CtfPupil p, String component, String value) {
        List<StageAssessment> rows = new ArrayList<>(p.assessments().size());
        for (StageAssessment a : p.assessments()) {
            rows.add(current(a) && component.equals(a.component()) ? new StageAssessment(a.stage(), a.locale(),
                    a.year(), a.subject(), a.method(), a.component(), a.resultStatus(), a.resultQualifier(), value,
                    0) : a);
        }
        return withAssessments(p, rows);
    }

    private CtfPupil withoutItem(CtfPupil p, String component) {
        List<StageAssessment> rows = new ArrayList<>(p.assessments().size());
        for (StageAssessment a : p.assessments()) {
            if (!(current(a) && component.equals(a.component()))) {
                rows.add(a);
            }
        }
        return withAssessments(p, rows);
    }

    private static CtfPupil add(CtfPupil p, StageAssessment row) {
        List<StageAssessment> rows = new ArrayList<>(p.assessments());
        rows.add(row);
        return withAssessments(p, rows);
    }

    private String valueOf(CtfPupil p, String component) {
        for (StageAssessment a : p.assessments()) {
            if (current(a) && component.equals(a.component())) {
                return a.result();
            }
        }
        return null;
    }

    private boolean current(StageAssessment a) {
        return thisYear.equals(a.year());
    }

    private static boolean isPhonics(StageAssessment a) {
        return "PHO".equals(a.subject()) && "CHK".equals(a.component());
    }

    private static boolean has(CtfPupil p, Predicate<StageAssessment> test) {
        return p.assessments().stream().anyMatch(test);
    }

    private int year() {
        return model.year().summerYear();
    }

    private static String mark(Random r, int low, int high) {
        return Integer.toString(low + r.nextInt(high - low + 1));
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static CtfPupil withUpn(CtfPupil p, String upn) {
        return new CtfPupil(upn, p.surname(), p.forename(), p.dob(), p.sex(), p.ncYearActual(), p.assessments(), 0, p.characteristics());
    }

    private static CtfPupil withDob(CtfPupil p, String dob) {
        return new CtfPupil(p.upn(), p.surname(), p.forename(), dob, p.sex(), p.ncYearActual(), p.assessments(), 0, p.characteristics());
    }

    private static CtfPupil withAssessments(CtfPupil p, List<StageAssessment> rows) {
        return new CtfPupil(p.upn(), p.surname(), p.forename(), p.dob(), p.sex(), p.ncYearActual(), List.copyOf(rows),
                0, p.characteristics());
    }
}
