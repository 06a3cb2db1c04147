package org.openreturns.server.reports.web;

import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.views.GroupReportView;
import org.openreturns.server.reports.views.ReportViews;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The LA's report by pupil group (sex, disadvantage, SEN, first language), as a GOV.UK page. */
@Controller
class GroupReportPages {

    private final ReportViews views;

    GroupReportPages(ReportViews views) {
        this.views = views;
    }

    @GetMapping("/la/collections/{id}/report/groups")
    String laGroups(@PathVariable("id") long id, Authentication auth, Model model) {
        model.addAllAttributes(views.groups(Actor.of(auth), id).model());
        return GroupReportView.TEMPLATE;
    }
}
