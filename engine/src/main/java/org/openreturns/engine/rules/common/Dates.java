package org.openreturns.engine.rules.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads CTF dates (YYYY-MM-DD), which some MIS follow with a time. */
public final class Dates {

    private Dates() {
    }

    /** The date, or null when the text is not a real date. */
    public static LocalDate parse(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        String day = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
