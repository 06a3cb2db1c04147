package org.openreturns.engine.rules;

import java.util.List;
import java.util.Map;
import org.openreturns.engine.ctf.CtfPupil;

/**
 * A pupil with the results that belong to the collection and year being checked, by item id. Earlier years' and
 * other collections' results are not here: the CTF carries them, but they are not part of this return.
 *
 * @param findings what the rules found about this pupil: empty while the rules run, filled in for the listeners that
 *     see the pupil after them, so that the measures can count only what a clean return would
 */
public record AssessedPupil(CtfPupil pupil, Map<String, List<ItemResult>> results, List<Finding> findings) {

    public AssessedPupil {
        findings = List.copyOf(findings);
    }

    /** A pupil before the rules have looked at them. */
    public AssessedPupil(CtfPupil pupil, Map<String, List<ItemResult>> results) {
        this(pupil, results, List.of());
    }

    /** The same pupil and results with the rules' findings about them. */
    public AssessedPupil withFindings(List<Finding> found) {
        return found.isEmpty() && findings.isEmpty() ? this : new AssessedPupil(pupil, results, found);
    }

    /** Every result given for an item; more than one means the file contradicts itself. */
    public List<ItemResult> results(String itemId) {
        return results.getOrDefault(itemId, List.of());
    }

    /** The result for an item, or null when there is none. Where several were given, the first. */
    public String value(String itemId) {
        List<ItemResult> r = results.get(itemId);
        return r == null || r.isEmpty() ? null : r.get(0).value();
    }

    /** Whether any result for the item has a value; an empty Result element is no result. */
    public boolean has(String itemId) {
        List<ItemResult> r = results.get(itemId);
        if (r != null) {
            // Indexed (the lists are random-access): this runs for every item of every pupil.
            for (int i = 0; i < r.size(); i++) {
                if (r.get(i).value() != null) {
                    return true;
                }
            }
        }
        return false;
    }

    public String upn() {
        return pupil.upn();
    }

    /** "Forename Surname (UPN)", to name the pupil in a message. */
    public String describe() {
        return pupil.describe();
    }
}
