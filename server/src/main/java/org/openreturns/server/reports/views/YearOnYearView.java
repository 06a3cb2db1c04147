package org.openreturns.server.reports.views;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openreturns.server.reports.calculations.Reports.CollectionInfo;
import org.openreturns.server.reports.calculations.YearOnYear.BySchool;

/** The LA's year-on-year table of one measure as its page and its PDF show it. */
public record YearOnYearView(CollectionInfo collection, BySchool years) {

    public static final String TEMPLATE = "reports/years";

    /** The template's variables. */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("collection", collection);
        model.put("years", years);
        return model;
    }
}
