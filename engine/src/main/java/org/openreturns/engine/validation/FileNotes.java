package org.openreturns.engine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.Finding;

/** What the validator says about a file as a whole when it is not simply one collection's return for the year. */
final class FileNotes {

    private FileNotes() {
    }

    /** The chosen report, with one finding per other collection of the file saying its results were not checked. */
    static FileReport withOtherCollections(FileReport chosen, List<FileReport> all,
            Map<Collection, Integer> results) {
        List<Finding> notes = new ArrayList<>();
        for (FileReport other : all) {
            if (other == chosen || other.collection() == null) {
                continue;
            }
            int count = results.getOrDefault(other.collection(), 0);
            notes.add(new Finding(StructuralRule.OTHER_COLLECTION.severity(), StructuralRule.OTHER_COLLECTION.code(),
                    null, null, "The file also holds " + count + " " + other.collection().title() + " result"
                            + (count == 1 ? "" : "s") + " for " + other.year().summerYear() + ". They were not "
                            + "checked here: send them in a " + other.collection().title() + " file of their own.",
                    0));
        }
        return chosen.withFindings(notes);
    }

    /**
     * A file with no results for the year checked but with results for another: says both years, and how to check it
     * for the year it holds, rather than telling the school to enter results it has entered.
     */
    static String resultsForAnotherYear(int pupils, AcademicYear checked, boolean fromHeader, Integer headerStart,
            AcademicYear held) {
        String holds = "its results are for " + held.label() + " (summer " + held.summerYear() + "), with none for "
                + checked.label() + " (summer " + checked.summerYear() + ")";
        String said;
        if (fromHeader) {
            said = "The file's header says it is for " + checked.label() + ", but " + holds + ".";
        } else {
            String header = headerStart == null ? ""
                    : " (its header says " + AcademicYear.ofStartYear(headerStart).label() + ")";
            said = "The file was checked for " + checked.label() + ", but " + holds + header + ".";
        }
        String which = held.compareTo(checked) < 0 ? "an earlier year's file" : "a later year's file";
        return said + " It holds " + pupils + " pupil" + (pupils == 1 ? "" : "s") + ". If it is " + which
                + ", check it for " + held.label() + "; if it should hold " + checked.label() + " results, export it "
                + "again from your MIS choosing that year's assessment data.";
    }
}
