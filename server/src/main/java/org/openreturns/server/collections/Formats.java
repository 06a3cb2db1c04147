package org.openreturns.server.collections;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as GOV.UK writes them: "26 June 2026". */
final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Formats() {
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
