package org.openreturns.server.reports.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.reports.calculations.Reports.CollectionInfo;

/** The LA's report by pupil group as its page and its PDF show it. */
public record GroupReportView(CollectionInfo collection, int suppressBelow, List<GroupViews.Table> tables,
        boolean anySuppressed) {

    public static final String TEMPLATE = "reports/la-groups";

    /** The template's variables. */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("collection", collection);
        model.put("suppressBelow", suppressBelow);
        model.put("tables", tables);
        model.put("anySuppressed", anySuppressed);
        return model;
    }
}
