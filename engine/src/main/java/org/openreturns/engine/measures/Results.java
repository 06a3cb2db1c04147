package org.openreturns.engine.measures;

import java.util.Locale;
import org.openreturns.engine.rules.AssessedPupil;

/** Reading result codes for measures. */
final class Results {

    private Results() {
    }

    /**
     * An item's result as an upper-case code, or null when there is none. Where a file gives two results for one
     * item (a {@code result.conflict} error) the first is used, as everywhere else in the engine.
     */
    static String code(AssessedPupil pupil, String itemId) {
        String value = pupil.value(itemId);
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /** A whole number written in digits, or -1 when the text is not one (so "25.0", "-1" and "" are not). */
    static int wholeNumber(String text) {
        if (text == null || text.isEmpty() || text.length() > 3) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }
}
