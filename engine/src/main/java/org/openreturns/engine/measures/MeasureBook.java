package org.openreturns.engine.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.PupilListener;

/**
 * The headline measures (reference/rules.md §3) of a set of returns, per school and in total, counted while the
 * returns are validated: pass {@link #school(String)} to {@code ReturnValidator.validate}. Each pupil counts as a clean
 * return would hold them ({@link CountedResults}). Only counters are kept,
 * so a book over many large files stays small; the one exception is phonics, whose "by the end of Year 2" measure
 * joins this year's pupils with last year's by UPN and so keeps a small entry per phonics pupil. Each file's
 * collection comes from its {@link ValidationContext}; a book is meant for one academic year, with last year's
 * phonics returns, when at hand, given first through {@link #lastYear(String)}.
 *
 * <p>Safe to feed from several threads at once (the server may validate files in parallel).
 */
public final class MeasureBook {

    private final Suppression suppression;
    private final MeasureSettings settings;
    private final Set<String> schools = new LinkedHashSet<>();
    private final Map<Collection, Map<String, CollectionMeasures>> bySchool = new EnumMap<>(Collection.class);
    private final Map<Collection, CollectionMeasures> totals = new EnumMap<>(Collection.class);
    private final PhonicsByEndOfYear2 phonicsYear2 = new PhonicsByEndOfYear2();

    public MeasureBook(Suppression suppression) {
        this(suppression, MeasureSettings.defaults());
    }

    public MeasureBook(Suppression suppression, MeasureSettings settings) {
        this.suppression = Objects.requireNonNull(suppression, "suppression");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * A headline measure as a report lists it: its stable id, its label, whether its value is a percentage, the
     * decimal places the DfE shows it with, and how its denominator is chosen (a sentence for under the measure).
     * {@link MeasureValue#value()} stays unrounded for data (JSON, CSV); pages and PDFs show {@link #shown(Double)}.
     */
    public record Definition(String id, String label, boolean percent, int decimals, String denominator) {

        /** The value as the DfE publishes it (half up to {@link #decimals()}), or null for none. */
        public BigDecimal shown(Double value) {
            return value == null ? null : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        }
    }

    /**
     * Every headline measure of a collection in report order, whether or not any pupil has been counted, so that a
     * report or a form can list them before the first return is checked; with the default {@link MeasureSettings}.
     */
    public static List<Definition> definitions(Collection collection) {
        return definitions(collection, MeasureSettings.defaults());
    }

    /** As {@link #definitions(Collection)}, for a book counted with these settings (they change who is counted). */
    public static List<Definition> definitions(Collection collection, MeasureSettings settings) {
        List<Definition> definitions = new ArrayList<>();
        for (MeasureCount count : CollectionMeasures.create(collection, settings).counts()) {
            Measure m = count.measure();
            definitions.add(new Definition(m.id(), m.label(), m.kind() == Measure.Kind.PERCENT,
                    MeasureNotes.decimals(collection, m), MeasureNotes.denominator(collection, m, settings)));
        }
        if (collection == Collection.PHONICS) {
            Measure m = PhonicsByEndOfYear2.MEASURE;
            definitions.add(new Definition(m.id(), m.label(), true, MeasureNotes.decimals(collection, m),
                    MeasureNotes.denominator(collection, m, settings)));
        }
        return List.copyOf(definitions);
    }

    /**
     * How a measure's cohort is formed where the DfE leaves the choice to whoever counts it (for phonics by the end
     * of Year 2, the census the DfE uses is not at hand), as a sentence for reports; null for every other measure.
     */
    public static String cohortBasis(String measureId) {
        return PhonicsByEndOfYear2.MEASURE.id().equals(measureId) ? PhonicsByEndOfYear2.COHORT_BASIS : null;
    }

    /**
     * A listener for the school's phonics returns of last year (other collections are ignored): with them, the
     * re-check rate leaves out pupils they show met the standard in Year 1, and the school's "by the end of Year 2"
     * figure can be counted; without them it is not available. Call it for every school whose last year's return is
     * at hand, even one with no pupils, and before any of this year's pupils is counted.
     *
     * @throws IllegalStateException when this year's phonics pupils are already being counted
     */
    public synchronized PupilListener lastYear(String schoolKey) {
        Objects.requireNonNull(schoolKey, "schoolKey");
        if (phonicsYear2.countedThisYear()) {
            throw new IllegalStateException("Give last year's phonics returns before this year's: the re-check rate "
                    + "leaves out pupils they show met the standard in Year 1");
        }
        phonicsYear2.lastYearOf(schoolKey);
        return (context, pupil) -> {
            if (context.collection() == Collection.PHONICS) {
                synchronized (MeasureBook.this) {
                    phonicsYear2.addLastYear(schoolKey, context, pupil);
                }
            }
        };
    }

    private CollectionMeasures create(Collection collection) {
        return CollectionMeasures.create(collection, settings, phonicsYear2::metInYear1);
    }

    /**
     * A listener that counts each pupil it sees for the school and for the total. Asking again for the same key
     * gives a listener adding to the same school, so a school may send several files.
     */
    public PupilListener school(String schoolKey) {
        Objects.requireNonNull(schoolKey, "schoolKey");
        synchronized (this) {
            schools.add(schoolKey);
        }
        return new SchoolListener(schoolKey);
    }

    /**
     * Counts a school's pupils. It is called for every pupil, and a file's pupils all belong to one collection, so it
     * remembers the two sets of counters it last added to rather than finding them again in the maps each time
     * (entries are never removed from the maps, so what it remembers stays theirs).
     */
    private final class SchoolListener implements PupilListener {
        private final String school;
        // guarded by MeasureBook.this, like the maps
        private Collection collection;
        private CollectionMeasures ofSchool;
        private CollectionMeasures ofTotal;

        SchoolListener(String school) {
            this.school = school;
        }

        @Override
        public void onPupil(ValidationContext context, AssessedPupil checked) {
            AssessedPupil pupil = CountedResults.of(checked);
            if (pupil == null) {
                return;
            }
            synchronized (MeasureBook.this) {
                Collection c = context.collection();
                if (c != collection) {
                    ofSchool = bySchool.computeIfAbsent(c, k -> new HashMap<>())
                            .computeIfAbsent(school, s -> create(c));
                    ofTotal = totals.computeIfAbsent(c, k -> create(k));
                    collection = c;
                }
                ofSchool.add(context, pupil);
                ofTotal.add(context, pupil);
                if (c == Collection.PHONICS) {
                    phonicsYear2.addThisYear(school, context, pupil);
                }
            }
        }
    }

    /**
     * For each collection with pupils, in {@link Collection} order: each school with pupils in it, in the order the
     * schools were first passed to {@link #school(String)}, with every measure of the collection; then the total
     * over all schools (school null).
     */
    public synchronized List<MeasureValue> results() {
        List<MeasureValue> values = new ArrayList<>();
        for (Map.Entry<Collection, CollectionMeasures> total : totals.entrySet()) {
            Collection collection = total.getKey();
            Map<String, CollectionMeasures> ofSchools = bySchool.get(collection);
            Map<String, MeasureCount> byEndOfYear2 = collection == Collection.PHONICS
                    ? phonicsYear2.counts(ofSchools.keySet()) : Map.of();
            for (String school : schools) {
                CollectionMeasures measures = ofSchools.get(school);
                if (measures != null) {
                    addValues(values, collection, school, measures);
                    if (collection == Collection.PHONICS) {
                        values.add(byEndOfYear2(school, phonicsYear2.hasLastYear(school), byEndOfYear2));
                    }
                }
            }
            addValues(values, collection, null, total.getValue());
            if (collection == Collection.PHONICS) {
                boolean everySchool = ofSchools.keySet().stream().allMatch(phonicsYear2::hasLastYear);
                values.add(byEndOfYear2(null, everySchool, byEndOfYear2));
            }
        }
        return List.copyOf(values);
    }

    private MeasureValue byEndOfYear2(String school, boolean available, Map<String, MeasureCount> counts) {
        Measure m = PhonicsByEndOfYear2.MEASURE;
        return available ? valueOf(Collection.PHONICS, school, counts.get(school))
                : MeasureValue.notAvailable(m.id(), m.label(), Collection.PHONICS, school);
    }

    private void addValues(List<MeasureValue> values, Collection collection, String school,
            CollectionMeasures measures) {
        for (MeasureCount count : measures.counts()) {
            values.add(valueOf(collection, school, count));
        }
    }

    private MeasureValue valueOf(Collection collection, String school, MeasureCount count) {
        Measure measure = count.measure();
        long denominator = count.denominator();
        // A measure over part of a cohort (the MTC average, over takers) is hidden whenever its cohort is, so that a
        // figure beside a suppressed one never gives it away.
        boolean suppressed = suppression.suppresses(denominator) || suppression.suppresses(count.cohort());
        if (suppressed || count.provisional()) {
            return new MeasureValue(measure.id(), measure.label(), collection, school, null, denominator, null,
                    suppressed, count.provisional());
        }
        Double value = denominator == 0 ? null : measure.kind().of(count.numerator(), denominator);
        return new MeasureValue(measure.id(), measure.label(), collection, school, count.numerator(), denominator,
                value, false, false);
    }
}
