package org.openreturns.server.reports.web;

import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.views.ReportViews;
import org.openreturns.server.reports.views.YearOnYearView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The LA's year-on-year table: every school's figure for one measure this year and last, as a GOV.UK page. */
@Controller
class YearOnYearPages {

    private final ReportViews views;

    YearOnYearPages(ReportViews views) {
        this.views = views;
    }

    @GetMapping("/la/collections/{id}/report/years")
    String bySchool(@PathVariable("id") long id, @RequestParam(name = "measure", required = false) String measure,
            Authentication auth, Model model) {
        model.addAllAttributes(views.yearOnYear(Actor.of(auth), id, measure).model());
        return YearOnYearView.TEMPLATE;
    }
}
