package org.openreturns.engine.measures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.items.ItemTable;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.LaCodes;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.PupilListener;

/** Hand-built pupils and contexts for measure tests; nothing here is read from a file. */
final class Fixtures {

    static final AcademicYear YEAR = AcademicYear.ofSummer(2026);
    static final ItemTable ITEMS = ItemTable.forYear(YEAR);

    private Fixtures() {
    }

    static ValidationContext context(Collection collection) {
        return context(collection, 31);
    }

    static ValidationContext context(Collection collection, Integer threshold) {
        return context(collection, YEAR, threshold);
    }

    static ValidationContext context(Collection collection, AcademicYear year, Integer threshold) {
        return new ValidationContext(collection, year, ItemTable.forYear(year), threshold, LaCodes.bundled());
    }

    /** A pupil with results given as item id, value, item id, value...; an item may repeat. */
    static AssessedPupil pupilIn(Collection collection, String ncYear, String dob, String... itemsAndValues) {
        Map<String, List<ItemResult>> results = new LinkedHashMap<>();
        for (int i = 0; i < itemsAndValues.length; i += 2) {
            AssessmentItem item = item(collection, itemsAndValues[i]);
            String value = itemsAndValues[i + 1];
            StageAssessment source = new StageAssessment("X", "ENG", "2026", null, null, null, "R", null, value, 1);
            results.computeIfAbsent(item.id(), k -> new ArrayList<>()).add(new ItemResult(item, value, source));
        }
        CtfPupil raw = new CtfPupil("A123456789012", "Surname", "Forename", dob, "F", ncYear, List.of(), 1);
        return new AssessedPupil(raw, results);
    }

    static AssessedPupil pupil(Collection collection, String... itemsAndValues) {
        return pupilIn(collection, null, null, itemsAndValues);
    }

    /** An EYFSP pupil from 17 characters, one result per ELG E01-E17; '-' leaves that ELG out. */
    static AssessedPupil eyfsp(String elgs) {
        if (elgs.length() != 17) {
            throw new IllegalArgumentException("17 results expected: " + elgs);
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            if (elgs.charAt(i) != '-') {
                pairs.add(String.format("E%02d", i + 1));
                pairs.add(String.valueOf(elgs.charAt(i)));
            }
        }
        return pupil(Collection.EYFSP, pairs.toArray(String[]::new));
    }

    private static AssessmentItem item(Collection collection, String id) {
        return ITEMS.items(collection).stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No item " + id + " in " + collection));
    }

    /** Feeds pupils to one school of a book. */
    static void feed(PupilListener school, ValidationContext context, AssessedPupil... pupils) {
        for (AssessedPupil p : pupils) {
            school.onPupil(context, p);
        }
    }

    /** The one value of a measure for a school (null: the total). */
    static MeasureValue find(List<MeasureValue> values, String school, String id) {
        List<MeasureValue> found = values.stream()
                .filter(v -> v.id().equals(id) && java.util.Objects.equals(v.school(), school)).toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + id + " for " + school + " but found " + found);
        }
        return found.get(0);
    }

    /** The total value of a measure in a book with no suppression fed with the pupils as one school. */
    static MeasureValue measure(ValidationContext context, String id, AssessedPupil... pupils) {
        return measure(new MeasureBook(Suppression.none()), context, id, pupils);
    }

    static MeasureValue measure(MeasureBook book, ValidationContext context, String id, AssessedPupil... pupils) {
        feed(book.school("school"), context, pupils);
        List<MeasureValue> values = book.results();
        MeasureValue school = find(values, "school", id);
        MeasureValue total = find(values, null, id);
        if (!school.equals(new MeasureValue(total.id(), total.label(), total.collection(), "school",
                total.numerator(), total.denominator(), total.value(), total.suppressed(), total.provisional()))) {
            throw new AssertionError("A single school should equal the total: " + school + " vs " + total);
        }
        return total;
    }
}
