package org.openreturns.engine.collection;

import java.util.Locale;
import java.util.Optional;

/** The five statutory primary assessment collections an LA runs each summer (reference/rules.md §1). */
public enum Collection {
    EYFSP("EYFS Profile", "Reception"),
    PHONICS("Phonics screening check", "Year 1 and Year 2 re-checks"),
    KS1("Key stage 1 teacher assessment", "Year 2"),
    KS2_TA("Key stage 2 teacher assessment", "Year 6"),
    MTC("Multiplication tables check", "Year 4");

    private final String title;
    private final String cohort;

    Collection(String title, String cohort) {
        this.title = title;
        this.cohort = cohort;
    }

    public String title() {
        return title;
    }

    public String cohort() {
        return cohort;
    }

    public static Optional<Collection> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (key.equals("KS2")) {
            key = "KS2_TA";
        }
        for (Collection c : values()) {
            if (c.name().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
