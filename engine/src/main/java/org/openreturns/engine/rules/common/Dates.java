package org.openreturns.engine.rules.common;

import java.time.LocalDate;
import java.time.DateTimeException;

/** Reads CTF dates (YYYY-MM-DD), which some MIS follow with a time. */
public final class Dates {

    private Dates() {
    }

    /** The date, or null when the text is not a real date. */
    public static LocalDate parse(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        if (text.length() > 10 && text.charAt(10) != 'T') {
            return null;
        }
        // By hand rather than with a DateTimeFormatter: this runs for every pupil of every file.
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Four digits, as CTF years are written; checked by hand because it runs for every result of every pupil. */
    public static boolean isFourDigitYear(String text) {
        return text != null && text.length() == 4 && digits(text, 0, 4) >= 0;
    }
}
