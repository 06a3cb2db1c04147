package org.openreturns.server.collections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.schools.SchoolRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The LA's collections: the list by academic year, creating one or copying last year's, and each collection's
 * dates, phonics threshold, scope and per-school deadlines. The live view of a collection is in requests/.
 */
@Controller
class CollectionsController {

    private final CollectionService collections;
    private final SchoolRepository schools;
    private final Clock clock;

    CollectionsController(CollectionService collections, SchoolRepository schools, Clock clock) {
        this.collections = collections;
        this.schools = schools;
        this.clock = clock;
    }

    @GetMapping("/la/collections")
    String list(Authentication auth, Model model) {
        List<CollectionService.Overview> all = collections.overview();
        Map<String, List<CollectionService.Overview>> byYear = all.stream().collect(Collectors.groupingBy(
                o -> o.collection().year().label(), LinkedHashMap::new, Collectors.toList()));
        int nextYear = all.isEmpty() ? AcademicYear.containing(LocalDate.now(clock)).summerYear()
                : all.get(0).collection().summerYear() + 1;
        model.addAttribute("byYear", byYear);
        model.addAttribute("copyYear", nextYear);
        model.addAttribute("copyFromLabel", AcademicYear.ofSummer(nextYear - 1).label());
        model.addAttribute("copyToLabel", AcademicYear.ofSummer(nextYear).label());
        model.addAttribute("mayManage", LaStaff.mayManage(Actor.of(auth)));
        return "collections/list";
    }

    @PostMapping("/la/collections/copy")
    String copy(@RequestParam(name = "summerYear") int summerYear, Authentication auth, RedirectAttributes redirect) {
        if (summerYear < 2001 || summerYear > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        CollectionService.CopyResult result = collections.copyFromPreviousYear(summerYear, Actor.of(auth));
        String to = AcademicYear.ofSummer(summerYear).label();
        String from = AcademicYear.ofSummer(summerYear - 1).label();
        String message;
        if (result.previousYearCollections() == 0) {
            message = "There are no collections in " + from + " to copy. Create the " + to + " collections instead.";
        } else {
            message = result.copied().size() + " " + plural(result.copied().size(), "collection") + " copied from "
                    + from + " to " + to + (result.skipped().isEmpty() ? "."
                    : "; " + result.skipped().size() + " already existed and " + (result.skipped().size() == 1
                    ? "was" : "were") + " left as they were.");
        }
        redirect.addFlashAttribute("success", message);
        return "redirect:/la/collections";
    }

    @GetMapping("/la/collections/new")
    String newForm(Model model) {
        int year = AcademicYear.containing(LocalDate.now(clock)).summerYear();
        model.addAttribute("kinds", Collection.values());
        model.addAttribute("kind", "");
        model.addAttribute("summerYear", Integer.toString(year));
        model.addAttribute("opensOn", DateInput.of(null));
        model.addAttribute("laDeadline", DateInput.of(null));
        model.addAttribute("dfeDeadline", DateInput.of(null));
        model.addAttribute("errors", Map.of());
        return "collections/new";
    }

    @PostMapping("/la/collections")
    String create(@RequestParam Map<String, String> form, Authentication auth, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Collection> kind = Optional.ofNullable(form.get("kind")).flatMap(Collection::parse);
        if (kind.isEmpty()) {
            errors.put("kind", "Select which assessment the collection is for");
        }
        String yearText = form.getOrDefault("summerYear", "").strip();
        Integer year = null;
        if (!yearText.matches("20\\d\\d")) {
            errors.put("summerYear", yearText.isEmpty() ? "Enter the year of the summer the assessments take place"
                    : "Enter the summer year as 4 numbers, like 2026");
        } else {
            year = Integer.valueOf(yearText);
        }
        DateInput opens = DateInput.from(form, "opensOn");
        DateInput la = DateInput.from(form, "laDeadline");
        DateInput dfe = DateInput.from(form, "dfeDeadline");
        Dates dates = readDates(opens, la, dfe, errors);
        if (errors.isEmpty() && collections.find(kind.get(), year).isPresent()) {
            errors.put("kind", "There is already a " + kind.get().title() + " collection for "
                    + AcademicYear.ofSummer(year).label());
        }
        if (errors.isEmpty()) {
            Optional<Long> id = collections.create(kind.get(), year, dates, Actor.of(auth));
            if (id.isPresent()) {
                return "redirect:/la/collections/" + id.get();
            }
            errors.put("kind", "There is already a " + kind.get().title() + " collection for "
                    + AcademicYear.ofSummer(year).label());
        }
        model.addAttribute("kinds", Collection.values());
        model.addAttribute("kind", form.getOrDefault("kind", ""));
        model.addAttribute("summerYear", yearText);
        model.addAttribute("opensOn", opens);
        model.addAttribute("laDeadline", la);
        model.addAttribute("dfeDeadline", dfe);
        model.addAttribute("errors", errors);
        return "collections/new";
    }

    @GetMapping("/la/collections/{id}/dates")
    String datesForm(@PathVariable("id") long id, Model model) {
        AssessmentCollection c = collection(id);
        model.addAttribute("collection", c);
        model.addAttribute("opensOn", DateInput.of(c.opensOn()));
        model.addAttribute("laDeadline", DateInput.of(c.laDeadline()));
        model.addAttribute("dfeDeadline", DateInput.of(c.dfeDeadline()));
        model.addAttribute("errors", Map.of());
        return "collections/dates";
    }

    @PostMapping("/la/collections/{id}/dates")
    String changeDates(@PathVariable("id") long id, @RequestParam Map<String, String> form, Authentication auth,
            Model model, RedirectAttributes redirect) {
        AssessmentCollection c = collection(id);
        Map<String, String> errors = new LinkedHashMap<>();
        DateInput opens = DateInput.from(form, "opensOn");
        DateInput la = DateInput.from(form, "laDeadline");
        DateInput dfe = DateInput.from(form, "dfeDeadline");
        Dates dates = readDates(opens, la, dfe, errors);
        if (errors.isEmpty()) {
            collections.changeDates(id, dates, Actor.of(auth));
            redirect.addFlashAttribute("success", "Dates changed.");
            return "redirect:/la/collections/" + id;
        }
        model.addAttribute("collection", c);
        model.addAttribute("opensOn", opens);
        model.addAttribute("laDeadline", la);
        model.addAttribute("dfeDeadline", dfe);
        model.addAttribute("errors", errors);
        return "collections/dates";
    }

    @GetMapping("/la/collections/{id}/threshold")
    String thresholdForm(@PathVariable("id") long id, Model model) {
        AssessmentCollection c = phonics(id);
        model.addAttribute("collection", c);
        model.addAttribute("threshold", c.phonicsThreshold() == null ? "" : c.phonicsThreshold().toString());
        model.addAttribute("errors", Map.of());
        return "collections/threshold";
    }

    @PostMapping("/la/collections/{id}/threshold")
    String setThreshold(@PathVariable("id") long id, @RequestParam(name = "threshold", defaultValue = "") String text,
            Authentication auth, Model model, RedirectAttributes redirect) {
        AssessmentCollection c = phonics(id);
        String value = text.strip();
        Integer threshold = null;
        if (!value.isEmpty()) {
            if (!value.matches("\\d{1,2}") || Integer.parseInt(value) > 40) {
                model.addAttribute("collection", c);
                model.addAttribute("threshold", text);
                model.addAttribute("errors", Map.of("threshold",
                        "Enter the threshold mark as a whole number from 0 to 40, or leave it empty if it is not "
                                + "known yet"));
                return "collections/threshold";
            }
            threshold = Integer.valueOf(value);
        }
        collections.setPhonicsThreshold(id, threshold, Actor.of(auth));
        redirect.addFlashAttribute("success", threshold == null
                ? "The threshold mark is now unknown. Phonics outcomes will be worked out once it is set."
                : "The threshold mark is now " + threshold + ". Every phonics submission will be checked again.");
        return "redirect:/la/collections/" + id;
    }

    /** One row of the scope page. */
    record ScopeRow(SchoolRepository.Details school, boolean inScope, boolean hasRequest, boolean byDefault,
            LocalDate deadlineOverride) {
    }

    @GetMapping("/la/collections/{id}/scope")
    String scopeForm(@PathVariable("id") long id, Model model) {
        AssessmentCollection c = collection(id);
        Map<Long, LocalDate> scope = new java.util.HashMap<>();
        collections.scope(id).forEach(s -> scope.put(s.schoolId(), s.deadlineOverride()));
        Set<Long> withRequests = collections.schoolsWithRequests(id);
        List<ScopeRow> rows = new ArrayList<>();
        for (SchoolRepository.Details school : schools.allDetails()) {
            rows.add(new ScopeRow(school, scope.containsKey(school.id()), withRequests.contains(school.id()),
                    DefaultScope.covers(c.kind(), school), scope.get(school.id())));
        }
        model.addAttribute("collection", c);
        model.addAttribute("rows", rows);
        model.addAttribute("inScope", scope.size());
        return "collections/scope";
    }

    @PostMapping("/la/collections/{id}/scope")
    String setScope(@PathVariable("id") long id, @RequestParam MultiValueMap<String, String> form, Authentication auth,
            RedirectAttributes redirect) {
        AssessmentCollection c = collection(id);
        Set<Long> chosen = new HashSet<>();
        if (form.containsKey("useDefault")) {
            chosen.addAll(collections.defaultScope(c.kind()));
        } else {
            for (String school : form.getOrDefault("school", List.of())) {
                if (school.matches("\\d{1,18}")) {
                    chosen.add(Long.valueOf(school));
                }
            }
            Set<Long> known = new HashSet<>(schools.allDetails().stream().map(SchoolRepository.Details::id).toList());
            chosen.retainAll(known);
        }
        collections.setScope(id, chosen, Actor.of(auth));
        redirect.addFlashAttribute("success", "Schools in scope saved.");
        return "redirect:/la/collections/" + id;
    }

    @GetMapping("/la/collections/{id}/schools/{schoolId}/deadline")
    String deadlineForm(@PathVariable("id") long id, @PathVariable("schoolId") long schoolId, Model model) {
        AssessmentCollection c = collection(id);
        CollectionService.ScopedSchool scoped = scoped(id, schoolId);
        model.addAttribute("collection", c);
        model.addAttribute("school", schools.find(schoolId).orElseThrow());
        model.addAttribute("deadline", DateInput.of(scoped.deadlineOverride()));
        model.addAttribute("errors", Map.of());
        return "collections/deadline";
    }

    @PostMapping("/la/collections/{id}/schools/{schoolId}/deadline")
    String setDeadline(@PathVariable("id") long id, @PathVariable("schoolId") long schoolId,
            @RequestParam Map<String, String> form, Authentication auth, Model model, RedirectAttributes redirect) {
        AssessmentCollection c = collection(id);
        scoped(id, schoolId);
        Map<String, String> errors = new LinkedHashMap<>();
        DateInput input = DateInput.from(form, "deadline");
        LocalDate deadline = input.parse("school's deadline", false, errors, "deadline-day");
        if (deadline != null && c.opensOn() != null && !deadline.isAfter(c.opensOn())) {
            errors.put("deadline-day", "The school's deadline must be after the collection opens on "
                    + Formats.date(c.opensOn()));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("collection", c);
            model.addAttribute("school", schools.find(schoolId).orElseThrow());
            model.addAttribute("deadline", input);
            model.addAttribute("errors", errors);
            return "collections/deadline";
        }
        collections.setDeadlineOverride(id, schoolId, deadline, Actor.of(auth));
        redirect.addFlashAttribute("success", deadline == null ? "The school now has the LA deadline."
                : "The school's deadline is now " + Formats.date(deadline) + ".");
        return "redirect:/la/collections/" + id + "/scope";
    }

    private Dates readDates(DateInput opens, DateInput la, DateInput dfe, Map<String, String> errors) {
        LocalDate opensOn = opens.parse("date the collection opens", true, errors, "opensOn-day");
        LocalDate laDeadline = la.parse("LA deadline", true, errors, "laDeadline-day");
        LocalDate dfeDeadline = dfe.parse("DfE deadline", false, errors, "dfeDeadline-day");
        Dates dates = new Dates(opensOn, laDeadline, dfeDeadline);
        for (String[] problem : dates.problems()) {
            errors.putIfAbsent(problem[0] + "-day", problem[1]);
        }
        return dates;
    }

    private AssessmentCollection collection(long id) {
        return collections.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private AssessmentCollection phonics(long id) {
        AssessmentCollection c = collection(id);
        if (!c.isPhonics()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return c;
    }

    private CollectionService.ScopedSchool scoped(long id, long schoolId) {
        return collections.scope(id).stream().filter(s -> s.schoolId() == schoolId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
