package org.openreturns.engine.items;

import org.openreturns.engine.collection.Collection;

/** One thing assessed in a collection, such as ELG E07 of the EYFS Profile or KS2 writing teacher assessment. */
public record AssessmentItem(Collection collection, String id, String label) {
}
