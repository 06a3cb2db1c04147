package org.openreturns.server.movers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.collections.AssessmentCollection;
import org.openreturns.server.collections.CollectionService;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.platform.Choice;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The LA's pages for pupils on two schools' returns: the list for a collection, and one pupil's page where the LA
 * chooses the school that keeps the pupil (GOV.UK radios, a plain form). Under /la/, so only the LA's administrators
 * and data officers reach them; school users are told nothing is there.
 */
@Controller
class MoverPages {

    private final Movers movers;
    private final CollectionService collections;

    MoverPages(Movers movers, CollectionService collections) {
        this.movers = movers;
        this.collections = collections;
    }

    @GetMapping("/la/collections/{id}/movers")
    String list(@PathVariable("id") long id, Model model) {
        model.addAttribute("collection", collection(id));
        List<CrossSchoolPupil> pupils = movers.inCollection(id);
        model.addAttribute("pupils", pupils);
        model.addAttribute("open", pupils.stream().filter(p -> !p.resolved()).count());
        if (!model.containsAttribute("success")) {
            model.addAttribute("success", null);
        }
        return "movers/list";
    }

    @GetMapping("/la/collections/{id}/movers/{upn}")
    String pupil(@PathVariable("id") long id, @PathVariable("upn") String upn, Authentication auth, Model model) {
        return page(id, upn, Actor.of(auth), null, Map.of(), model);
    }

    @PostMapping("/la/collections/{id}/movers/{upn}")
    String resolve(@PathVariable("id") long id, @PathVariable("upn") String upn,
            @RequestParam(name = "keep", required = false) String keep, Authentication auth, Model model,
            RedirectAttributes redirect) {
        Actor actor = Actor.of(auth);
        Long school = keep == null || !keep.matches("[0-9]{1,18}") ? null : Long.valueOf(keep);
        if (school == null) {
            return page(id, upn, actor, null, Map.of("keep", "Select the school that reports this pupil"), model);
        }
        try {
            CrossSchoolPupil p = movers.resolve(actor, id, upn, school);
            redirect.addFlashAttribute("success", "UPN " + p.upn() + ": "
                    + p.kept().map(CrossSchoolPupil.Holder::schoolName).orElse("") + " reports this pupil.");
            return "redirect:/la/collections/" + id + "/movers";
        } catch (Movers.NotResolved e) {
            return page(id, upn, actor, keep, Map.of("keep", e.getMessage()), model);
        }
    }

    private String page(long id, String upn, Actor actor, String chosen, Map<String, String> errors, Model model) {
        AssessmentCollection c = collection(id);
        CrossSchoolPupil pupil = movers.find(id, upn).orElse(null);
        if (pupil == null) {
            // A school's new version may have settled it since the LA followed the link: say so, not "not found".
            model.addAttribute("collection", c);
            model.addAttribute("upn", upn);
            return "movers/settled";
        }
        List<Movers.SchoolRecord> records = movers.records(actor, pupil);
        Map<String, String> errorMap = new LinkedHashMap<>(errors);
        model.addAttribute("collection", c);
        model.addAttribute("pupil", pupil);
        model.addAttribute("records", records);
        model.addAttribute("choices", pupil.schools().stream()
                .map(h -> new Choice(Long.toString(h.schoolId()), h.schoolName() + " (" + h.dfeNumber() + ")"))
                .toList());
        model.addAttribute("chosen", chosen != null ? chosen
                : pupil.resolved() ? Long.toString(pupil.keptSchoolId()) : null);
        model.addAttribute("errors", errorMap);
        model.addAttribute("hint", "Only that school's figures will count the pupil; the LA total counts the pupil "
                + "once either way. Both schools see your decision on their return.");
        return "movers/pupil";
    }

    private AssessmentCollection collection(long id) {
        return collections.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
