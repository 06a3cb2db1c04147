package org.openreturns.server.reports.views;

import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Reports;

/** A figure as shown, and whether it is hidden because its cohort is small. */
public record Cell(String text, boolean suppressed) {

    public static Cell of(Heading h, MeasureValue v) {
        return new Cell(Reports.display(h, v), v != null && v.suppressed());
    }
}
