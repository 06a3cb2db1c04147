package org.openreturns.server.schools;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.Role;
import org.openreturns.server.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    SchoolsController(SchoolRepository schools, SchoolImport importer, AuditLog audit) {
        this.schools = schools;
        this.importer = importer;
        this.audit = audit;
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
        model.addAttribute("school", school);
        model.addAttribute("form", Map.of("name", school.name(), "phase", nonNull(school.phase()),
                "status", nonNull(school.status()), "email", nonNull(school.email()),
                "headName", nonNull(school.headName())));
        model.addAttribute("errors", Map.of());
        addChoices(model);
        return "schools/edit";
    }

    @PostMapping("/la/schools/{id}")
    String save(@PathVariable("id") long id, @RequestParam Map<String, String> form, Authentication auth,
            Model model, RedirectAttributes redirect) {
        SchoolRepository.Details school = school(id);
        String name = field(form, "name");
        String phase = field(form, "phase");
        String status = field(form, "status");
        String email = field(form, "email");
        String headName = field(form, "headName");
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty()) {
            errors.put("name", "Enter the school's name");
        } else if (name.length() > 200) {
            errors.put("name", "The school's name must be 200 characters or fewer");
        }
        if (!PHASES.contains(phase)) {
            errors.put("phase", "Select the school's phase of education");
        }
        if (!STATUSES.contains(status)) {
            errors.put("status", "Select whether the school is open");
        }
        if (!email.isEmpty() && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.put("email", "Enter an email address in the correct format, like office@school.sch.uk");
        }
        if (headName.length() > 200) {
            errors.put("headName", "The headteacher's name must be 200 characters or fewer");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("school", school);
            model.addAttribute("form", Map.of("name", name, "phase", phase, "status", status, "email", email,
                    "headName", headName));
            model.addAttribute("errors", errors);
            addChoices(model);
            return "schools/edit";
        }
        schools.update(id, name, phase, status, email.isEmpty() ? null : email.toLowerCase(java.util.Locale.ROOT),
                headName.isEmpty() ? null : headName);
        Actor actor = Actor.of(auth);
        audit.record(actor.name(), actor.roleName(), id, "SCHOOL_UPDATED", "school:" + id, name);
        redirect.addFlashAttribute("success", name + " saved.");
        return "redirect:/la/schools";
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
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "laCode", defaultValue = "") String laCode, Authentication auth, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String la = laCode.strip();
        if (!la.matches("\\d{3}")) {
            errors.put("laCode", "Enter your LA's 3-digit code, like 330");
        }
        if (file == null || file.isEmpty()) {
            errors.put("file", "Select the GIAS CSV file to import");
        }
        SchoolImport.Outcome outcome = null;
        if (errors.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                outcome = importer.importGias(in, la, Actor.of(auth));
            } catch (IOException e) {
                errors.put("file", file.getOriginalFilename() + ": " + e.getMessage());
            }
        }
        if (outcome != null && outcome.added() + outcome.updated() == 0 && outcome.problems().isEmpty()) {
            errors.put("file", file.getOriginalFilename() + " has no open schools with LA code " + la
                    + " in the phases the collections cover. Check the LA code and that the file is the "
                    + "'All establishment data' download.");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("laCode", laCode);
            model.addAttribute("errors", errors);
            return "schools/import";
        }
        redirect.addFlashAttribute("outcome", outcome);
        redirect.addFlashAttribute("fileName", file.getOriginalFilename());
        redirect.addFlashAttribute("laCode", la);
        return "redirect:/la/schools/import";
    }

    private static void addChoices(Model model) {
        model.addAttribute("phases", PHASES);
        model.addAttribute("statuses", STATUSES);
    }

    private SchoolRepository.Details school(long id) {
        return schools.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static boolean mayManage(Actor actor) {
        return actor.role() == Role.LA_ADMIN || actor.role() == Role.LA_OFFICER;
    }

    private static String field(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
