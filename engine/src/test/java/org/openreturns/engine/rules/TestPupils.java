package org.openreturns.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.PhonicsThresholds;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.items.ItemTable;
import org.openreturns.engine.rules.common.ResultCodes;

/**
 * Builds pupils, contexts and headers for rule tests directly, without XML: a valid pupil of a collection in 2025/26
 * by default, changed one field at a time. Results are given as the CTF codes the bundled item table matches, so a
 * rule that looks at the raw assessments sees what the reader would give it.
 */
public final class TestPupils {

    public static final AcademicYear YEAR = AcademicYear.ofSummer(2026);
    public static final ItemTable ITEMS = ItemTable.forYear(YEAR);
    /** A valid UPN from ctf.md §6 (LA 801, the DfE guidance example school). */
    public static final String UPN = "E801200018301";
    public static final String OTHER_UPN = "U801200018302";
    public static final String NAME = "Rohan Patel (" + UPN + ")";

    private TestPupils() {
    }

    /** The context of a 2025/26 file of the collection, with the year's published phonics threshold (31). */
    public static ValidationContext context(Collection collection) {
        return context(collection, PhonicsThresholds.forYear(YEAR));
    }

    public static ValidationContext context(Collection collection, Integer phonicsThreshold) {
        return new ValidationContext(collection, YEAR, ITEMS, phonicsThreshold, LaCodes.bundled());
    }

    /** A header with nothing wrong: CTF 25, school 801/2000, academic year 2025 (2025/26). */
    public static CtfHeader header() {
        return header("25.0", "801", "2000", "2025");
    }

    public static CtfHeader header(String version, String la, String estab, String academicYear) {
        return new CtfHeader(version, "2026-06-20T10:00:00", "partial", "Test MIS", la, estab, null,
                "Test Primary School", academicYear, "801", "LLLL");
    }

    /** A pupil of the collection with a valid identity and no results yet. */
    public static Builder pupil(Collection collection) {
        return new Builder(collection);
    }

    /** A pupil of the collection with the given results for this year, given as item id, value, item id, value... */
    public static AssessedPupil withResults(Collection collection, String... itemsAndValues) {
        Builder b = pupil(collection);
        for (int i = 0; i < itemsAndValues.length; i += 2) {
            b.result(itemsAndValues[i], itemsAndValues[i + 1]);
        }
        return b.build();
    }

    /** An EYFS Profile pupil with the same result for all 17 ELGs. */
    public static Builder allElgs(String value) {
        Builder b = pupil(Collection.EYFSP);
        for (AssessmentItem elg : ITEMS.items(Collection.EYFSP)) {
            b.result(elg.id(), value);
        }
        return b;
    }

    public static List<Finding> check(PupilRule rule, Collection collection, AssessedPupil pupil) {
        return check(rule, context(collection), pupil);
    }

    public static List<Finding> check(PupilRule rule, ValidationContext context, AssessedPupil pupil) {
        Findings findings = new Findings();
        rule.check(pupil, context, findings);
        return findings.list();
    }

    public static List<Finding> check(FileRule rule, ValidationContext context, AssessedPupil... pupils) {
        Findings findings = new Findings();
        FileRule.FileCheck check = rule.start(context);
        for (AssessedPupil pupil : pupils) {
            check.accept(pupil, findings);
        }
        check.finish(findings);
        return findings.list();
    }

    public static List<Finding> check(HeaderRule rule, ValidationContext context, CtfHeader header) {
        Findings findings = new Findings();
        rule.check(header, context, findings);
        return findings.list();
    }

    /** The one finding, checked for code, severity, pupil and item, and a message naming the pupil as given. */
    public static Finding assertOne(List<Finding> findings, String code, Severity severity, String upn, String item,
            String describedAs) {
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.upn()).isEqualTo(upn);
        assertThat(f.item()).isEqualTo(item);
        assertThat(f.message()).contains(describedAs);
        return f;
    }

    /** The one finding about the default pupil, Rohan Patel. */
    public static Finding assertOne(List<Finding> findings, String code, Severity severity, String item) {
        return assertOne(findings, code, severity, UPN, item, NAME);
    }

    /** The one file-level finding. */
    public static Finding assertFileLevel(List<Finding> findings, String code, Severity severity) {
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.upn()).isNull();
        assertThat(f.item()).isNull();
        assertThat(f.line()).isZero();
        return f;
    }

    /** The StageAssessment a MIS writes for an item's result in a summer year, with the codes of the item table. */
    public static StageAssessment assessment(Collection collection, String itemId, int summerYear, String value) {
        String[] codes = codes(collection, itemId, value);
        StageAssessment a = new StageAssessment(codes[0], "ENG", Integer.toString(summerYear), codes[1], codes[3],
                codes[2], "R", codes[4], value, 40);
        AssessmentItem item = ITEMS.match(a);
        if (item == null || item.collection() != collection || !item.id().equals(itemId)) {
            throw new IllegalArgumentException("No " + collection + " item " + itemId + " for " + a.codeTuple());
        }
        return a;
    }

    /** Stage, subject, component, method, qualifier as in items/2022.csv. */
    private static String[] codes(Collection collection, String itemId, String value) {
        return switch (collection) {
            case EYFSP -> new String[] {"FSP", eyfspArea(itemId), itemId, "TA", null};
            case PHONICS -> new String[] {"KS1", "PHO", "CHK", "TT", ResultCodes.isNumeric(value) ? null : "NY"};
            case KS1, KS2_TA -> new String[] {collection == Collection.KS1 ? "KS1" : "KS2", taSubject(itemId),
                    itemId, "TA", null};
            case MTC -> new String[] {"KS2", "MAT", "MTC", "TT", "MT"};
        };
    }

    private static String eyfspArea(String elg) {
        int n = Integer.parseInt(elg.substring(1));
        return n <= 2 ? "COM" : n <= 5 ? "PSE" : n <= 7 ? "PHY" : n <= 10 ? "LIT" : n <= 12 ? "MAT" : n <= 15 ? "UTW"
                : "EXP";
    }

    private static String taSubject(String item) {
        return switch (item) {
            case "READ", "WRIT" -> "ENG";
            default -> item;
        };
    }

    /** Builds one pupil; every field starts valid for the collection's year group in 2025/26. */
    public static final class Builder {
        private final Collection collection;
        private String upn = UPN;
        private String surname = "Patel";
        private String forename = "Rohan";
        private String dob;
        private String sex = "M";
        private String ncYear;
        private int line = 30;
        private final List<StageAssessment> assessments = new ArrayList<>();
        private final Map<String, List<ItemResult>> results = new LinkedHashMap<>();

        private Builder(Collection collection) {
            this.collection = collection;
            switch (collection) {
                case EYFSP -> year("R", "2021-01-15");
                case PHONICS -> year("1", "2020-01-15");
                case KS1 -> year("2", "2019-01-15");
                case MTC -> year("4", "2017-01-15");
                case KS2_TA -> year("6", "2015-01-15");
                default -> throw new IllegalArgumentException(collection.name());
            }
        }

        private void year(String nc, String birth) {
            this.ncYear = nc;
            this.dob = birth;
        }

        public Builder upn(String value) {
            this.upn = value;
            return this;
        }

        public Builder surname(String value) {
            this.surname = value;
            return this;
        }

        public Builder forename(String value) {
            this.forename = value;
            return this;
        }

        public Builder dob(String value) {
            this.dob = value;
            return this;
        }

        public Builder sex(String value) {
            this.sex = value;
            return this;
        }

        public Builder ncYear(String value) {
            this.ncYear = value;
            return this;
        }

        public Builder line(int value) {
            this.line = value;
            return this;
        }

        /** A result for this year, as the validator would select it; null stands for an empty Result element. */
        public Builder result(String itemId, String value) {
            StageAssessment a = assessment(collection, itemId, YEAR.summerYear(), value);
            assessments.add(a);
            results.computeIfAbsent(itemId, k -> new ArrayList<>()).add(new ItemResult(ITEMS.match(a), value, a));
            return this;
        }

        /** A result from another year or collection: in the pupil's CTF history, not among this return's results. */
        public Builder history(StageAssessment a) {
            assessments.add(a);
            return this;
        }

        public AssessedPupil build() {
            CtfPupil pupil = new CtfPupil(upn, surname, forename, dob, sex, ncYear, List.copyOf(assessments), line);
            return new AssessedPupil(pupil, results);
        }
    }
}
