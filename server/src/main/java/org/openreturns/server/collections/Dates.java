package org.openreturns.server.collections;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.openreturns.engine.collection.Collection;

/** A collection's dates: when schools may start sending, the LA's deadline, and the DfE's (not always known). */
public record Dates(LocalDate opensOn, LocalDate laDeadline, LocalDate dfeDeadline) {

    /**
     * Usual dates for a summer, for seeding a year that the LA then adjusts. They follow reference/rules.md §4 (2026
     * dates, [V] and [U]); LAs set their own deadlines, so these are a starting point, never a rule.
     */
    public static Dates typical(Collection kind, int summerYear) {
        return switch (kind) {
            case EYFSP -> of(summerYear, "--06-01", "--06-30", "--07-31");
            case PHONICS -> of(summerYear, "--06-08", "--06-27", "--07-17");
            case KS1 -> of(summerYear, "--06-01", "--06-26", null);
            case KS2_TA -> of(summerYear, "--05-18", "--06-19", "--06-26");
            case MTC -> of(summerYear, "--06-01", "--06-26", null);
        };
    }

    private static Dates of(int year, String opens, String la, String dfe) {
        return new Dates(MonthDay.parse(opens).atYear(year), MonthDay.parse(la).atYear(year),
                dfe == null ? null : MonthDay.parse(dfe).atYear(year));
    }

    /** The same dates a year later, for copying a collection into the next academic year. */
    public Dates nextYear() {
        return new Dates(plusYear(opensOn), plusYear(laDeadline), plusYear(dfeDeadline));
    }

    /** What is wrong with these dates together, as [field, message key] pairs (messages.properties). */
    public List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        if (opensOn != null && laDeadline != null && !laDeadline.isAfter(opensOn)) {
            problems.add(new String[] {"laDeadline", "collection.laDeadline.afterOpening"});
        }
        if (laDeadline != null && dfeDeadline != null && dfeDeadline.isBefore(laDeadline)) {
            problems.add(new String[] {"dfeDeadline", "collection.dfeDeadline.notBeforeLaDeadline"});
        }
        return problems;
    }

    static LocalDate plusYear(LocalDate date) {
        return date == null ? null : date.plusYears(1);
    }
}
