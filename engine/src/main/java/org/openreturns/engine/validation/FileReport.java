package org.openreturns.engine.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;

/**
 * What checking one file found. A file that could not be read has {@code readError} set, and then no header, no
 * collection and no findings; a readable file has the collection and year derived from its content (null collection
 * when it holds no recognisable results). A file of several collections gives one report per collection.
 * {@code resultsYear} is set only when the file holds no results for {@code year} but does for another: the latest
 * such year, so that a caller can offer to check the file for it.
 */
public record FileReport(
        String fileName,
        CtfReadException readError,
        CtfHeader header,
        Collection collection,
        AcademicYear year,
        Integer phonicsThreshold,
        int pupils,
        List<Finding> findings,
        Set<String> upns,
        AcademicYear resultsYear) {

    public boolean readable() {
        return readError == null;
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** This report with more findings about the file as a whole after its own. */
    public FileReport withFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new FileReport(fileName, readError, header, collection, year, phonicsThreshold, pupils,
                Collections.unmodifiableList(all), upns, resultsYear);
    }

    /** A report for a file that could not be read, or not even opened. */
    public static FileReport unreadable(String fileName, CtfReadException e) {
        return new FileReport(fileName, e, null, null, null, null, 0, List.of(), Set.of(), null);
    }
}
