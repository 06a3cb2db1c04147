package org.openreturns.server.cohorts;

import java.util.Locale;
import java.util.Set;
import org.openreturns.engine.collection.Collection;

/**
 * The year groups whose pupils a collection expects (rules.md §1: EYFSP in Reception, phonics in Year 1 with the
 * Year 2 re-checks, KS1 in Year 2, the MTC in Year 4, KS2 in Year 6), and the year group a list's text means.
 */
final class CohortYearGroups {

    private CohortYearGroups() {
    }

    static Set<String> of(Collection collection) {
        return switch (collection) {
            case EYFSP -> Set.of("R");
            case PHONICS -> Set.of("1", "2");
            case KS1 -> Set.of("2");
            case MTC -> Set.of("4");
            case KS2_TA -> Set.of("6");
        };
    }

    /** The year groups in words, for the page. */
    static String describe(Collection collection) {
        return switch (collection) {
            case EYFSP -> "Reception";
            case PHONICS -> "Year 1, and the Year 2 pupils due to take the re-check";
            case KS1 -> "Year 2";
            case MTC -> "Year 4";
            case KS2_TA -> "Year 6";
        };
    }

    /** "R", "N1", "N2", "1" to "14" or "X" for the ways lists write them ("Year 6", "Y6", "Reception"); else null. */
    static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (t.equals("R") || t.equals("RECEPTION") || t.equals("YR")) {
            return "R";
        }
        if (t.equals("N1") || t.equals("N2") || t.equals("X")) {
            return t;
        }
        t = t.replaceFirst("^(YEAR|Y)", "");
        if (t.matches("0?[1-9]|1[0-4]")) {
            return Integer.toString(Integer.parseInt(t));
        }
        return null;
    }
}
