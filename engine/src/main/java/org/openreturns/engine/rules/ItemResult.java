package org.openreturns.engine.rules;

import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.items.AssessmentItem;

/** A result for an item, with the StageAssessment it came from. {@code value} is null for an empty Result. */
public record ItemResult(AssessmentItem item, String value, StageAssessment source) {
}
