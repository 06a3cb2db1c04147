package org.openreturns.engine.measures;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.measures.PupilGroup.Breakdown;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.PupilListener;

/**
 * The headline measures per pupil group ({@link PupilGroup}), per school and in total: one {@link MeasureBook} per
 * group, with the same suppression and settings, fed the pupils of that group, so that a group's figures are exactly
 * the engine's measures over those pupils. Also counts, per school and breakdown, the pupils whose file does not
 * carry what the breakdown needs, so that a breakdown with nothing to show can say why rather than show zeros.
 *
 * <p>Safe to feed from several threads at once, like {@link MeasureBook}.
 */
public final class GroupedMeasureBook {

    private final Map<PupilGroup, MeasureBook> books = new EnumMap<>(PupilGroup.class);
    /** Per school key (null: all schools), per breakdown: pupils counted, and pupils in a group of it. */
    private final Map<String, long[]> pupils = new HashMap<>();

    public GroupedMeasureBook(Suppression suppression) {
        this(suppression, MeasureSettings.defaults());
    }

    public GroupedMeasureBook(Suppression suppression, MeasureSettings settings) {
        Objects.requireNonNull(suppression, "suppression");
        Objects.requireNonNull(settings, "settings");
        for (PupilGroup g : PupilGroup.values()) {
            books.put(g, new MeasureBook(suppression, settings));
        }
    }

    /** As {@link MeasureBook#school(String)}: counts each pupil for the school and total of each of their groups. */
    public PupilListener school(String schoolKey) {
        Objects.requireNonNull(schoolKey, "schoolKey");
        Map<PupilGroup, PupilListener> listeners = new EnumMap<>(PupilGroup.class);
        for (PupilGroup g : PupilGroup.values()) {
            listeners.put(g, books.get(g).school(schoolKey));
        }
        return (context, pupil) -> count(schoolKey, listeners, context, pupil);
    }

    private void count(String schoolKey, Map<PupilGroup, PupilListener> listeners, ValidationContext context,
            AssessedPupil pupil) {
        CtfPupil p = pupil.pupil();
        List<PupilGroup> groups = PupilGroup.of(p, context.year());
        synchronized (pupils) {
            long[] ofSchool = pupils.computeIfAbsent(schoolKey, k -> new long[Breakdown.values().length + 1]);
            long[] ofTotal = pupils.computeIfAbsent(null, k -> new long[Breakdown.values().length + 1]);
            ofSchool[0]++;
            ofTotal[0]++;
            for (PupilGroup g : groups) {
                ofSchool[g.breakdown().ordinal() + 1]++;
                ofTotal[g.breakdown().ordinal() + 1]++;
            }
        }
        for (PupilGroup g : groups) {
            listeners.get(g).onPupil(context, pupil);
        }
    }

    /** The group's book: its results are per school and total, as {@link MeasureBook#results()} gives them. */
    public List<MeasureValue> results(PupilGroup group) {
        return books.get(group).results();
    }

    /** Pupils counted for the school (null: all schools). */
    public long pupils(String schoolKey) {
        synchronized (pupils) {
            long[] counts = pupils.get(schoolKey);
            return counts == null ? 0 : counts[0];
        }
    }

    /** Pupils of the school (null: all schools) whose file does not carry what the breakdown needs. */
    public long pupilsWithout(String schoolKey, Breakdown breakdown) {
        synchronized (pupils) {
            long[] counts = pupils.get(schoolKey);
            return counts == null ? 0 : counts[0] - counts[breakdown.ordinal() + 1];
        }
    }
}
