package org.openreturns.engine.collection;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * National curriculum year group as CTF {@code NCyearActual} carries it: {@code R} for Reception, then 1 to 6.
 * The normal date-of-birth range follows from the year group (reference/rules.md §2.1).
 */
public record NcYear(int value) {

    public static final NcYear RECEPTION = new NcYear(0);

    public NcYear {
        if (value < 0 || value > 14) {
            throw new IllegalArgumentException("NC year out of range: " + value);
        }
    }

    public static Optional<NcYear> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("R")) {
            return Optional.of(RECEPTION);
        }
        try {
            int v = Integer.parseInt(t);
            return v >= 1 && v <= 14 ? Optional.of(new NcYear(v)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Earliest normal date of birth for this year group in the given academic year. */
    public LocalDate earliestNormalBirth(AcademicYear year) {
        return LocalDate.of(year.startYear() - 5 - value, 9, 1);
    }

    /** Latest normal date of birth for this year group in the given academic year. */
    public LocalDate latestNormalBirth(AcademicYear year) {
        return LocalDate.of(year.startYear() - 4 - value, 8, 31);
    }

    public String code() {
        return value == 0 ? "R" : Integer.toString(value);
    }

    public String label() {
        return value == 0 ? "Reception" : "Year " + value;
    }

    @Override
    public String toString() {
        return code();
    }
}
