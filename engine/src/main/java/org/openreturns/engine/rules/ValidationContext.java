package org.openreturns.engine.rules;

import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.items.ItemTable;

/**
 * What the rules of one file need to know beyond the pupil: which return this is, the year's item table, the
 * phonics threshold mark (null while the STA has not published it) and the LA codes valid in UPNs.
 */
public record ValidationContext(
        Collection collection,
        AcademicYear year,
        ItemTable items,
        Integer phonicsThreshold,
        LaCodes laCodes) {
}
