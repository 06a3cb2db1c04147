package org.openreturns.engine.measures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfPupil.Characteristics;
import org.openreturns.engine.ctf.CtfPupil.SenRecord;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.phonics.PhonicsHistory;

/**
 * Everything the measures, their pupil-group breakdowns and the distributions read of one pupil, taken while the file
 * is checked, so that a server can store it and count the books again later without the file. Of the pupil's identity
 * only the UPN is kept (to tell pupils apart, as the findings do), and of the characteristics only the groups they
 * place the pupil in.
 *
 * @param upn the UPN as written, null when missing
 * @param sex {@code Sex} as written
 * @param ncYearActual {@code NCyearActual} as written
 * @param dob the date of birth as written (the phonics measures read it when there is no year group)
 * @param groups the pupil's group in each breakdown the file carries ({@link PupilGroup#of(CtfPupil, AcademicYear)})
 * @param results each item of the return the pupil has results for, with every value given, in order (a value is
 *     null for an empty Result); for phonics also {@code CHK.metBefore} when the CTF history shows an earlier pass
 */
public record MeasuredPupil(String upn, String sex, String ncYearActual, String dob, List<PupilGroup> groups,
        Map<String, List<String>> results) {

    public MeasuredPupil {
        groups = List.copyOf(groups);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        results.forEach((item, values) -> copy.put(item, Collections.unmodifiableList(new ArrayList<>(values))));
        results = Collections.unmodifiableMap(copy);
    }

    /**
     * The pupil as the measures count them in this file's context ({@link CountedResults}): empty for a UPN's repeat
     * record, which is not counted again; otherwise without the items in error. What a server stores for its reports.
     */
    public static Optional<MeasuredPupil> counted(ValidationContext context, AssessedPupil checked) {
        AssessedPupil pupil = CountedResults.of(checked);
        return pupil == null ? Optional.empty() : Optional.of(of(context, pupil));
    }

    /** The pupil as the measures read them in this file's context, every result as given. */
    public static MeasuredPupil of(ValidationContext context, AssessedPupil pupil) {
        CtfPupil p = pupil.pupil();
        Map<String, List<String>> results = new LinkedHashMap<>();
        pupil.results().forEach((item, given) -> {
            List<String> values = new ArrayList<>(given.size());
            given.forEach(r -> values.add(r.value()));
            results.put(item, values);
        });
        if (context.collection() == Collection.PHONICS) {
            // The history is not stored, so keep what the re-check rate and the end-of-Year-2 measure read of it.
            PhonicsHistory.EarlierPass pass = PhonicsMeasures.earlierPass(context, pupil);
            if (pass != null) {
                results.put(PhonicsMeasures.MET_BEFORE, List.of(Integer.toString(pass.year().summerYear())));
            }
        }
        return new MeasuredPupil(p.upn(), p.sex(), p.ncYearActual(), p.dob(), PupilGroup.of(p, context.year()),
                results);
    }

    /**
     * The pupil again, to feed to a {@link MeasureBook}, {@link GroupedMeasureBook} or {@link DistributionBook}, which
     * count it exactly as the pupil first read. Only for those: it carries no name, items or sources, and its
     * characteristics are the least a file could carry to place the pupil in the same groups.
     */
    public AssessedPupil toAssessed() {
        Map<String, List<ItemResult>> assessed = new LinkedHashMap<>();
        results.forEach((item, values) -> {
            List<ItemResult> given = new ArrayList<>(values.size());
            values.forEach(v -> given.add(new ItemResult(null, v, null)));
            assessed.put(item, given);
        });
        return new AssessedPupil(new CtfPupil(upn, null, null, dob, sex, ncYearActual, List.of(), 0,
                characteristics(groups)), assessed);
    }

    /**
     * The context the books need to count a stored pupil of a return: its collection, year and phonics threshold (null
     * while unpublished). The item table and LA codes are for the rules, which a stored pupil never meets.
     */
    public static ValidationContext context(Collection collection, AcademicYear year, Integer phonicsThreshold) {
        return new ValidationContext(collection, year, null, phonicsThreshold, null);
    }

    /** Characteristics placing a pupil in exactly these groups (sex is not among them: it is kept as written). */
    private static Characteristics characteristics(List<PupilGroup> groups) {
        Boolean inCare = null;
        List<CtfPupil.FsmPeriod> fsm = null;
        List<SenRecord> sen = null;
        String language = null;
        for (PupilGroup g : groups) {
            switch (g) {
                case DISADVANTAGED -> inCare = true;
                case NOT_DISADVANTAGED -> fsm = List.of();
                case NO_SEN -> sen = List.of();
                case SEN_SUPPORT -> sen = List.of(new SenRecord(null, "K"));
                case EHC_PLAN -> sen = List.of(new SenRecord(null, "E"));
                case ENGLISH -> language = "ENG";
                case OTHER_THAN_ENGLISH -> language = "OTH";
                case LANGUAGE_UNKNOWN -> language = "";
                case GIRLS, BOYS -> {
                }
            }
        }
        Characteristics c = new Characteristics(fsm, sen, language, inCare);
        return c.isEmpty() ? null : c;
    }
}
