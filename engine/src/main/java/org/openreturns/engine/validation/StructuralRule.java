package org.openreturns.engine.validation;

import org.openreturns.engine.rules.Rule;
import org.openreturns.engine.rules.Severity;

/**
 * Findings about what a file holds as a whole, made by the validator itself while it reads, rather than by a rule of a
 * collection's set: they apply to every collection and year alike.
 */
enum StructuralRule implements Rule {
    /** A CTF with a header but no Pupil elements cannot be a return. */
    NO_PUPILS("file.noPupils", Severity.ERROR),
    /** No result in the file matches an item of any collection for the year. */
    NO_RESULTS("file.noResults", Severity.ERROR),
    /** No result for the year checked, but results for another: a file exported in, or checked for, the wrong year. */
    RESULTS_FOR_ANOTHER_YEAR("file.resultsForAnotherYear", Severity.ERROR),
    /** Results whose codes match no item: listed so the LA can map them, never dropped silently (ctf.md §10). */
    UNMAPPED_RESULTS("file.unmappedResults", Severity.INFO),
    /** The file also holds this year's results of another collection, which belong in a file of their own. */
    OTHER_COLLECTION("file.otherCollection", Severity.INFO);

    private final String code;
    private final Severity severity;

    StructuralRule(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return severity;
    }
}
