package org.openreturns.engine.measures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.Collection;

/**
 * The counters of one distribution for one group of pupils: one per possible value, fixed when made. Mutable on
 * purpose, like {@link Tally}: nothing about a pupil is kept but the count.
 */
final class Histogram {

    private final String id;
    private final String label;
    private final String valueLabel;
    private final int scaleSize;
    private final List<String> values;
    private final Map<String, Integer> index = new HashMap<>();
    private final long[] counts;

    private Histogram(String id, String label, String valueLabel, int scaleSize, List<String> values) {
        this.id = id;
        this.label = label;
        this.valueLabel = valueLabel;
        this.scaleSize = scaleSize;
        this.values = List.copyOf(values);
        for (int i = 0; i < values.size(); i++) {
            index.put(values.get(i), i);
        }
        this.counts = new long[values.size()];
    }

    /** Whole numbers 0 to {@code max}, then the codes given instead of a number. */
    static Histogram scale(String id, String label, String valueLabel, int max, List<String> codes) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            values.add(Integer.toString(i));
        }
        values.addAll(codes);
        return new Histogram(id, label, valueLabel, max + 1, values);
    }

    /** Codes only, in the order given. */
    static Histogram codes(String id, String label, String valueLabel, List<String> codes) {
        return new Histogram(id, label, valueLabel, 0, codes);
    }

    void countScale(int value) {
        counts[value]++;
    }

    /** Counts a code; false (nothing counted) when it is not one of the values. */
    boolean countCode(String code) {
        Integer i = index.get(code);
        if (i == null || i < scaleSize) {
            return false;
        }
        counts[i]++;
        return true;
    }

    Distribution result(Collection collection, String school, Suppression suppression) {
        long pupils = 0;
        for (long c : counts) {
            pupils += c;
        }
        boolean suppressed = suppression.suppresses(pupils);
        List<Distribution.Bar> bars = new ArrayList<>();
        if (!suppressed) {
            for (int i = 0; i < counts.length; i++) {
                bars.add(new Distribution.Bar(values.get(i), i < scaleSize, counts[i]));
            }
        }
        return new Distribution(id, label, valueLabel, collection, school, pupils, suppressed, bars);
    }
}
