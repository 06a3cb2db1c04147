package org.openreturns.engine.measures;

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
 * The distributions of results (ELGs at expected per child, phonics marks, MTC scores, teacher assessment codes) of a
 * set of returns, per school and in total, fed like {@link MeasureBook}: pass {@link #school(String)} to
 * {@code ReturnValidator.validate}, or call its listener with pupils already read. Only counters are kept, never
 * pupils. A book is meant for one academic year.
 *
 * <p>Safe to feed from several threads at once.
 */
public final class DistributionBook {

    private final Suppression suppression;
    private final MeasureSettings settings;
    private final Set<String> schools = new LinkedHashSet<>();
    private final Map<Collection, Map<String, CollectionDistributions>> bySchool = new EnumMap<>(Collection.class);
    private final Map<Collection, CollectionDistributions> totals = new EnumMap<>(Collection.class);

    public DistributionBook(Suppression suppression) {
        this(suppression, MeasureSettings.defaults());
    }

    public DistributionBook(Suppression suppression, MeasureSettings settings) {
        this.suppression = Objects.requireNonNull(suppression, "suppression");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A listener counting each pupil for the school and the total; the same key adds to the same school. */
    public PupilListener school(String schoolKey) {
        Objects.requireNonNull(schoolKey, "schoolKey");
        synchronized (this) {
            schools.add(schoolKey);
        }
        return (context, pupil) -> add(schoolKey, context, pupil);
    }

    private synchronized void add(String school, ValidationContext context, AssessedPupil checked) {
        // The same pupils as the measures count, so that a chart and its headline figure agree.
        AssessedPupil pupil = CountedResults.of(checked);
        if (pupil == null) {
            return;
        }
        Collection c = context.collection();
        bySchool.computeIfAbsent(c, k -> new HashMap<>())
                .computeIfAbsent(school, s -> CollectionDistributions.create(c, settings)).add(context, pupil);
        totals.computeIfAbsent(c, k -> CollectionDistributions.create(k, settings)).add(context, pupil);
    }

    /**
     * For each collection with pupils, in {@link Collection} order: each school with pupils in it, in the order the
     * schools were first passed to {@link #school(String)}, with each distribution of the collection; then the total
     * over all schools (school null).
     */
    public synchronized List<Distribution> results() {
        List<Distribution> results = new ArrayList<>();
        for (Map.Entry<Collection, CollectionDistributions> total : totals.entrySet()) {
            Collection collection = total.getKey();
            Map<String, CollectionDistributions> ofSchools = bySchool.get(collection);
            for (String school : schools) {
                CollectionDistributions d = ofSchools.get(school);
                if (d != null) {
                    d.histograms().forEach(h -> results.add(h.result(collection, school, suppression)));
                }
            }
            total.getValue().histograms().forEach(h -> results.add(h.result(collection, null, suppression)));
        }
        return List.copyOf(results);
    }
}
