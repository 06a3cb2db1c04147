package org.openreturns.server.collections;

import java.time.LocalDate;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;

/** One collection the LA runs: a kind of assessment in one academic year, with its dates. */
public record AssessmentCollection(long id, Collection kind, int summerYear, LocalDate opensOn, LocalDate laDeadline,
        LocalDate dfeDeadline, Integer phonicsThreshold) {

    public AcademicYear year() {
        return AcademicYear.ofSummer(summerYear);
    }

    /** "Phonics screening check 2025/26" */
    public String title() {
        return kind.title() + " " + year().label();
    }

    public boolean isPhonics() {
        return kind == Collection.PHONICS;
    }

    public Dates dates() {
        return new Dates(opensOn, laDeadline, dfeDeadline);
    }
}
