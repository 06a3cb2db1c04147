package org.openreturns.engine.measures;

import java.util.List;
import java.util.function.Predicate;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;

/** The headline measures of one collection for one group of pupils (a school, or all schools), as counters. */
interface CollectionMeasures {

    /** Counts one pupil; keeps nothing about them beyond the counters. */
    void add(ValidationContext context, AssessedPupil pupil);

    /** Every measure of the collection, in a fixed order, including those no pupil has counted in. */
    List<MeasureCount> counts();

    static CollectionMeasures create(Collection collection, MeasureSettings settings) {
        return create(collection, settings, upn -> false);
    }

    /**
     * @param metInYear1LastYear whether last year's phonics returns show the UPN met the standard in Year 1: such a
     *     pupil is no eligible re-taker (reference/rules.md §1.2)
     */
    static CollectionMeasures create(Collection collection, MeasureSettings settings,
            Predicate<String> metInYear1LastYear) {
        return switch (collection) {
            case EYFSP -> new EyfspMeasures(settings.includeAllAInEyfsp());
            case PHONICS -> new PhonicsMeasures(metInYear1LastYear);
            case KS1 -> new Ks1Measures();
            case KS2_TA -> new Ks2TaMeasures();
            case MTC -> new MtcMeasures();
        };
    }
}
