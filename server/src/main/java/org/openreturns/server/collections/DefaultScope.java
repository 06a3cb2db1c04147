package org.openreturns.server.collections;

import java.util.Locale;
import java.util.Set;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.schools.SchoolRepository;

/**
 * Which schools a collection covers unless the LA says otherwise: open schools that teach the collection's year
 * group. GIAS has no "infant" or "junior" phase (both are "Primary"), so the statutory age range decides: a school
 * with ages low-high teaches the year groups whose pupils are low to high-1 on 1 September, so an infant school
 * (4-7) has Reception to Year 2 and a junior school (7-11) Years 3 to 6. Without ages, the phase decides.
 */
public final class DefaultScope {

    private static final Set<String> PRIMARY_PHASES = Set.of("primary", "middle deemed primary", "all-through");

    private DefaultScope() {
    }

    public static boolean covers(Collection kind, SchoolRepository.Details school) {
        if (!school.open()) {
            return false;
        }
        String phase = school.phase() == null ? "" : school.phase().toLowerCase(Locale.ROOT);
        if (phase.equals("nursery") || phase.equals("secondary") || phase.equals("16 plus")
                || phase.equals("middle deemed secondary")) {
            return false;
        }
        if (school.lowAge() != null && school.highAge() != null) {
            return teaches(school, ageOnFirstSeptember(kind))
                    || kind == Collection.PHONICS && teaches(school, ageOnFirstSeptember(Collection.KS1));
        }
        return PRIMARY_PHASES.contains(phase);
    }

    /** Reception pupils are 4 on 1 September, Year 1 five, Year 2 six, Year 4 eight, Year 6 ten. */
    static int ageOnFirstSeptember(Collection kind) {
        return switch (kind) {
            case EYFSP -> 4;
            case PHONICS -> 5;
            case KS1 -> 6;
            case MTC -> 8;
            case KS2_TA -> 10;
        };
    }

    private static boolean teaches(SchoolRepository.Details school, int age) {
        return school.lowAge() <= age && age < school.highAge();
    }
}
