package org.openreturns.server.schools;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.Role;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.platform.Choice;
import org.openreturns.server.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The LA's list of schools: search, edit one, and import the list from a GIAS download. */
@Controller
class SchoolsController {

    /** GIAS's phases of education (reference/gias.md). */
    static final List<String> PHASES = List.of("Nursery", "Primary", "Middle deemed primary", "Secondary",
            "Middle deemed secondary", "All-through", "Not applicable", "16 plus");
    /** GIAS's establishment statuses. */
    static final List<String> STATUSES = List.of("Open", "Open, but proposed to close", "Proposed to open", "Closed");

    private final SchoolRepository schools;
    private final SchoolImport importer;
    private final AuditLog audit;
    private final MessageSource messages;

    SchoolsController(SchoolRepository schools, SchoolImport importer, AuditLog audit, MessageSource messages) {
        this.schools = schools;
        this.importer = importer;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/la/schools")
    String list(@RequestParam(name = "q", required = false) String q, Authentication auth, Model model) {
        model.addAttribute("schools", schools.search(q));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("searched", q != null && !q.isBlank());
        model.addAttribute("mayManage", mayManage(Actor.of(auth)));
        return "schools/list";
    }

    @GetMapping("/la/schools/{id}")
    String edit(@PathVariable("id") long id, Model model) {
        SchoolRepository.Details school = school(id);
        return editPage(school, SchoolForms.Edit.of(school), Map.of(), model);
    }

    @PostMapping("/la/schools/{id}")
    String save(@PathVariable("id") long id, @Valid @ModelAttribute("form") SchoolForms.Edit form,
            BindingResult result, Authentication auth, Model model, RedirectAttributes redirect) {
        SchoolRepository.Details school = school(id);
        if (!PHASES.contains(form.phase())) {
            FormErrors.reject(result, "phase", "school.phase.required");
        }
        if (!STATUSES.contains(form.status())) {
            FormErrors.reject(result, "status", "school.status.required");
        }
        if (result.hasErrors()) {
            return editPage(school, form, FormErrors.of(SchoolForms.Edit.class, result, messages), model);
        }
        String email = form.email();
        schools.update(id, form.name(), form.phase(), form.status(),
                email.isEmpty() ? null : email.toLowerCase(java.util.Locale.ROOT),
                form.headName().isEmpty() ? null : form.headName());
        Actor actor = Actor.of(auth);
        audit.record(actor.name(), actor.roleName(), id, "SCHOOL_UPDATED", "school:" + id, form.name());
        redirect.addFlashAttribute("success", form.name() + " saved.");
        return "redirect:/la/schools";
    }

    private String editPage(SchoolRepository.Details school, SchoolForms.Edit form, Map<String, String> errors,
            Model model) {
        model.addAttribute("school", school);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("phases", PHASES.stream().map(p -> new Choice(p, p)).toList());
        model.addAttribute("statuses", STATUSES.stream().map(p -> new Choice(p, p)).toList());
        return "schools/edit";
    }

    @GetMapping("/la/schools/import")
    String importForm(Model model) {
        if (!model.containsAttribute("laCode")) {
            model.addAttribute("laCode", schools.mainLaCode().orElse(""));
        }
        model.addAttribute("errors", Map.of());
        return "schools/import";
    }

    @PostMapping("/la/schools/import")
    String importFile(@Valid @ModelAttribute("form") SchoolForms.GiasImport form, BindingResult result,
            Authentication auth, Model model, RedirectAttributes redirect) {
        MultipartFile file = form.file();
        if (file == null || file.isEmpty()) {
            FormErrors.reject(result, "file", "school.file.required");
        }
        SchoolImport.Outcome outcome = null;
        if (!result.hasErrors()) {
            try (InputStream in = file.getInputStream()) {
                outcome = importer.importGias(in, form.laCode(), Actor.of(auth));
            } catch (IOException e) {
                FormErrors.reject(result, "file", "school.file.unreadable", file.getOriginalFilename(),
                        e.getMessage());
            }
        }
        if (outcome != null && outcome.added() + outcome.updated() == 0 && outcome.problems().isEmpty()) {
            FormErrors.reject(result, "file", "school.file.noSchools", file.getOriginalFilename(), form.laCode());
        }
        if (result.hasErrors()) {
            model.addAttribute("laCode", form.laCode());
            model.addAttribute("errors", FormErrors.of(SchoolForms.GiasImport.class, result, messages));
            return "schools/import";
        }
        redirect.addFlashAttribute("outcome", outcome);
        redirect.addFlashAttribute("fileName", file.getOriginalFilename());
        redirect.addFlashAttribute("laCode", form.laCode());
        return "redirect:/la/schools/import";
    }

    private SchoolRepository.Details school(long id) {
        return schools.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static boolean mayManage(Actor actor) {
        return actor.role() == Role.LA_ADMIN || actor.role() == Role.LA_OFFICER;
    }
}
