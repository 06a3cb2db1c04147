package org.openreturns.server.collections;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/**
 * What someone typed into a GOV.UK date input (day, month and year boxes named {@code name-day} and so on), kept
 * as typed so that a form with an error shows it again, with the Design System's error messages.
 */
public record DateInput(String day, String month, String year) {

    public static DateInput of(LocalDate date) {
        return date == null ? new DateInput("", "", "")
                : new DateInput(Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
                        Integer.toString(date.getYear()));
    }

    public static DateInput from(Map<String, String> form, String name) {
        return new DateInput(clean(form.get(name + "-day")), clean(form.get(name + "-month")),
                clean(form.get(name + "-year")));
    }

    public boolean isEmpty() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** The date, or null when the boxes are all empty and that is allowed. */
    public LocalDate parse(String what, boolean required, Map<String, String> errors, String field) {
        if (isEmpty()) {
            if (required) {
                errors.put(field, "Enter the " + what);
            }
            return null;
        }
        String missing = day.isEmpty() ? "day" : month.isEmpty() ? "month" : year.isEmpty() ? "year" : null;
        if (missing != null) {
            errors.put(field, capitalise(what) + " must include a " + missing);
            return null;
        }
        try {
            if (!year.matches("\\d{4}")) {
                errors.put(field, capitalise(what) + " must include a year with 4 numbers, like 2026");
                return null;
            }
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            errors.put(field, capitalise(what) + " must be a real date");
            return null;
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
