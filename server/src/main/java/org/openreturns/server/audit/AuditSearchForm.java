package org.openreturns.server.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openreturns.server.platform.DateInput;
import org.openreturns.server.platform.FormErrors;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.BindParam;

/** The audit search as typed (a GET form, so every field is optional); dates come as three boxes each. */
record AuditSearchForm(String actor, String action, String school,
        @BindParam("from-day") String fromDay, @BindParam("from-month") String fromMonth,
        @BindParam("from-year") String fromYear,
        @BindParam("to-day") String toDay, @BindParam("to-month") String toMonth,
        @BindParam("to-year") String toYear) {

    AuditSearchForm {
        actor = clean(actor);
        action = clean(action);
        school = clean(school);
        fromDay = clean(fromDay);
        fromMonth = clean(fromMonth);
        fromYear = clean(fromYear);
        toDay = clean(toDay);
        toMonth = clean(toMonth);
        toYear = clean(toYear);
    }

    public DateInput from() {
        return new DateInput(fromDay, fromMonth, fromYear);
    }

    public DateInput to() {
        return new DateInput(toDay, toMonth, toYear);
    }

    /** The search as query parameters, in the form's order, for the links to other pages of results. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("actor", actor);
        p.put("action", action);
        p.put("school", school);
        p.put("from-day", fromDay);
        p.put("from-month", fromMonth);
        p.put("from-year", fromYear);
        p.put("to-day", toDay);
        p.put("to-month", toMonth);
        p.put("to-year", toYear);
        return p;
    }

    /**
     * The dates' errors: a date with a box left empty points at that box; one that is not a real date, or a "to"
     * before the "from", at its day.
     */
    void check(BindingResult result) {
        LocalDate from = check(from(), "from", "audit.from", result);
        LocalDate to = check(to(), "to", "audit.to", result);
        if (from != null && to != null && to.isBefore(from)) {
            FormErrors.reject(result, "to-day", "audit.to.beforeFrom");
        }
    }

    LocalDate fromDate() {
        return from().date();
    }

    LocalDate toDate() {
        return to().date();
    }

    private static LocalDate check(DateInput date, String field, String key, BindingResult result) {
        if (date.isEmpty()) {
            return null;
        }
        String missing = date.missingPart();
        if (missing != null) {
            FormErrors.reject(result, field + "-" + missing, key + ".missing", missing);
            return null;
        }
        LocalDate parsed = date.date();
        if (parsed == null) {
            FormErrors.reject(result, field + "-day", key + ".unreal");
        }
        return parsed;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
