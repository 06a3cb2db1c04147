package org.openreturns.engine.validation;

import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.items.ItemTable;

/**
 * The item table's lookup, remembered for one file. A file repeats a few dozen code combinations for every pupil, and
 * the reader hands over each code as one shared instance, so a combination seen before is recognised by identity in
 * a small direct-mapped cache, without walking the table. Not thread-safe: one per file being read.
 */
final class ItemMatcher {

    private static final int SLOTS = 256;

    private final ItemTable table;
    private final String[][] keys = new String[SLOTS][];
    private final AssessmentItem[] items = new AssessmentItem[SLOTS];

    ItemMatcher(ItemTable table) {
        this.table = table;
    }

    /** The item the StageAssessment records, or null, exactly as {@link ItemTable#match} says. */
    AssessmentItem match(StageAssessment a) {
        int hash = hash(a.stage()) * 923521 + hash(a.subject()) * 29791 + hash(a.component()) * 961
                + hash(a.method()) * 31 + hash(a.resultQualifier());
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String[] key = keys[slot];
        if (key != null && key[0] == a.stage() && key[1] == a.subject() && key[2] == a.component()
                && key[3] == a.method() && key[4] == a.resultQualifier()) {
            return items[slot];
        }
        AssessmentItem item = table.match(a);
        keys[slot] = new String[] {a.stage(), a.subject(), a.component(), a.method(), a.resultQualifier()};
        items[slot] = item;
        return item;
    }

    private static int hash(String s) {
        return s == null ? 0 : s.hashCode();
    }
}
