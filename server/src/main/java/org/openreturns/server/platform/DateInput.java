package org.openreturns.server.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.springframework.validation.BindingResult;

/**
 * What someone typed into a GOV.UK date input (day, month and year boxes named {@code name-day} and so on), kept
 * as typed so that a form with an error shows it again. {@link #check} gives the Design System's error messages
 * (messages.properties, {@code date.*}).
 */
public record DateInput(String day, String month, String year) {

    public DateInput {
        day = clean(day);
        month = clean(month);
        year = clean(year);
    }

    public static DateInput of(LocalDate date) {
        return date == null ? new DateInput("", "", "")
                : new DateInput(Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
                        Integer.toString(date.getYear()));
    }

    public boolean isEmpty() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** The box left empty ("day", "month" or "year") when some are filled in and not all, else null. */
    public String missingPart() {
        if (isEmpty()) {
            return null;
        }
        return day.isEmpty() ? "day" : month.isEmpty() ? "month" : year.isEmpty() ? "year" : null;
    }

    /** The date typed, or null when the boxes are empty, incomplete or do not make a real date. */
    public LocalDate date() {
        if (isEmpty() || missingPart() != null || !year.matches("\\d{4}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /**
     * The date, or null when the boxes are all empty; anything wrong is an error under {@code field-day}, worded
     * with {@code what} ("LA deadline"). A required date left empty is an error too.
     */
    public LocalDate check(String field, String what, boolean required, BindingResult errors) {
        String id = field + "-day";
        String capitalised = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        if (isEmpty()) {
            if (required) {
                FormErrors.reject(errors, id, "date.required", what, capitalised);
            }
            return null;
        }
        String missing = missingPart();
        if (missing != null) {
            FormErrors.reject(errors, id, "date.missing", what, capitalised, missing);
            return null;
        }
        if (!year.matches("\\d{4}")) {
            FormErrors.reject(errors, id, "date.yearDigits", what, capitalised);
            return null;
        }
        LocalDate date = date();
        if (date == null) {
            FormErrors.reject(errors, id, "date.unreal", what, capitalised);
        }
        return date;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
