package org.openreturns.server.reports.web;

import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.views.ParentsReportView;
import org.openreturns.server.reports.views.ReportViews;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The school's report for parents, each measure explained in plain English, as a GOV.UK page. */
@Controller
class ParentsReportPages {

    private final ReportViews views;

    ParentsReportPages(ReportViews views) {
        this.views = views;
    }

    @GetMapping("/requests/{id}/parents-report")
    String page(@PathVariable("id") long id, Authentication auth, Model model) {
        model.addAllAttributes(views.parents(Actor.of(auth), id).model());
        return ParentsReportView.TEMPLATE;
    }
}
