package org.openreturns.engine.validation;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.items.ItemTable;
import org.openreturns.engine.rules.LaCodes;

/**
 * Choices for a validation run. {@code year} null means "the year the file's header names"; {@code phonicsThreshold}
 * null means the year's published threshold, if any; {@code items} null means the bundled table for the year.
 */
public record ValidationOptions(AcademicYear year, Integer phonicsThreshold, ItemTable items, LaCodes laCodes) {

    public static ValidationOptions defaults() {
        return new ValidationOptions(null, null, null, LaCodes.bundled());
    }

    public ValidationOptions withYear(AcademicYear y) {
        return new ValidationOptions(y, phonicsThreshold, items, laCodes);
    }

    public ValidationOptions withPhonicsThreshold(Integer t) {
        return new ValidationOptions(year, t, items, laCodes);
    }

    public ValidationOptions withItems(ItemTable t) {
        return new ValidationOptions(year, phonicsThreshold, t, laCodes);
    }
}
