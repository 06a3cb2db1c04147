package org.openreturns.engine.collection;

import java.time.LocalDate;

/**
 * An academic year, named by the calendar year of its summer, which is the year CTF {@code StageAssessment/Year}
 * carries (ctf.md §4). 2026 is the 2025/26 year, whose CTF header says {@code AcademicYear} 2025 (ctf.md §2).
 */
public record AcademicYear(int summerYear) implements Comparable<AcademicYear> {

    public static final int FIRST_SUMMER = 2000;
    public static final int LAST_SUMMER = 2100;

    public AcademicYear {
        if (summerYear < FIRST_SUMMER || summerYear > LAST_SUMMER) {
            throw new IllegalArgumentException("Academic year out of range: " + summerYear);
        }
    }

    public static AcademicYear ofSummer(int summerYear) {
        return new AcademicYear(summerYear);
    }

    /** From the CTF header's {@code AcademicYear}, which holds the start year. */
    public static AcademicYear ofStartYear(int startYear) {
        return new AcademicYear(startYear + 1);
    }

    /** The academic year a date falls in; years run 1 September to 31 August. */
    public static AcademicYear containing(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= 9 ? date.getYear() + 1 : date.getYear());
    }

    public int startYear() {
        return summerYear - 1;
    }

    public AcademicYear previous() {
        return new AcademicYear(summerYear - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear(), 9, 1);
    }

    /** "2025/26" */
    public String label() {
        return startYear() + "/" + String.format("%02d", summerYear % 100);
    }

    @Override
    public int compareTo(AcademicYear other) {
        return Integer.compare(summerYear, other.summerYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
