package org.openreturns.server.reports;

import org.openreturns.server.accounts.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The LA's year-on-year table: every school's figure for one measure this year and last. */
@Controller
class YearOnYearPages {

    private final Reports reports;
    private final YearOnYear yearOnYear;

    YearOnYearPages(Reports reports, YearOnYear yearOnYear) {
        this.reports = reports;
        this.yearOnYear = yearOnYear;
    }

    @GetMapping("/la/collections/{id}/report/years")
    String bySchool(@PathVariable("id") long id, @RequestParam(name = "measure", required = false) String measure,
            Authentication auth, Model model) {
        Reports.CollectionInfo c = reports.collection(id);
        model.addAttribute("collection", c);
        model.addAttribute("years", yearOnYear.bySchool(Actor.of(auth), c, measure));
        return "reports/years";
    }
}
