package org.openreturns.server.collections;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.openreturns.server.platform.Choice;
import org.openreturns.server.platform.DateInput;
import org.openreturns.server.platform.FormErrors;
import org.openreturns.server.schools.SchoolRepository;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final MessageSource messages;

    CollectionsController(CollectionService collections, SchoolRepository schools, Clock clock,
            MessageSource messages) {
        this.collections = collections;
        this.schools = schools;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/la/collections")
    String list(Authentication auth, Model model) {
        List<CollectionService.Overview> all = collections.overview();
        Map<String, List<CollectionService.Overview>> byYear = all.stream().collect(Collectors.groupingBy(
                o -> o.collection().year().label(), LinkedHashMap::new, Collectors.toList()));
        int nextYear = all.isEmpty() ? AcademicYear.containing(LocalDate.now(clock)).summerYear()
                : all.get(0).collection().summerYear() + 1;
        model.addAttribute("byYear", byYear);
        // Past the last year the engine knows there is nothing to copy into; the page must still list the rest.
        if (nextYear <= AcademicYear.LAST_SUMMER) {
            model.addAttribute("copyYear", nextYear);
            model.addAttribute("copyFromLabel", AcademicYear.ofSummer(nextYear - 1).label());
            model.addAttribute("copyToLabel", AcademicYear.ofSummer(nextYear).label());
        }
        model.addAttribute("mayManage", LaStaff.mayManage(Actor.of(auth)));
        return "collections/list";
    }

    @PostMapping("/la/collections/copy")
    String copy(@RequestParam(name = "summerYear") int summerYear, Authentication auth, RedirectAttributes redirect) {
        if (summerYear <= AcademicYear.FIRST_SUMMER || summerYear > AcademicYear.LAST_SUMMER) {
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
        return newCollectionPage(CollectionForms.NewCollection.empty(
                AcademicYear.containing(LocalDate.now(clock)).summerYear()), Map.of(), model);
    }

    @PostMapping("/la/collections")
    String create(@Valid @ModelAttribute("form") CollectionForms.NewCollection form, BindingResult result,
            Authentication auth, Model model) {
        Optional<Collection> kind = Collection.parse(form.kind());
        if (kind.isEmpty() && !result.hasFieldErrors("kind")) {
            FormErrors.reject(result, "kind", "collection.kind.required");
        }
        Dates dates = readDates(form.opensOn(), form.laDeadline(), form.dfeDeadline(), result);
        if (!result.hasErrors()) {
            int year = Integer.parseInt(form.summerYear());
            Optional<Long> id = collections.find(kind.get(), year).isPresent() ? Optional.empty()
                    : collections.create(kind.get(), year, dates, Actor.of(auth));
            if (id.isPresent()) {
                return "redirect:/la/collections/" + id.get();
            }
            FormErrors.reject(result, "kind", "collection.kind.exists", kind.get().title(),
                    AcademicYear.ofSummer(year).label());
        }
        return newCollectionPage(form, FormErrors.of(CollectionForms.NewCollection.class, result, messages), model);
    }

    private String newCollectionPage(CollectionForms.NewCollection form, Map<String, String> errors, Model model) {
        model.addAttribute("kinds", Arrays.stream(Collection.values())
                .map(k -> new Choice(k.name(), k.title() + " (" + k.cohort() + ")")).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "collections/new";
    }

    @GetMapping("/la/collections/{id}/dates")
    String datesForm(@PathVariable("id") long id, Model model) {
        AssessmentCollection c = collection(id);
        model.addAttribute("collection", c);
        model.addAttribute("form", CollectionForms.ChangeDates.of(
                new Dates(c.opensOn(), c.laDeadline(), c.dfeDeadline())));
        model.addAttribute("errors", Map.of());
        return "collections/dates";
    }

    @PostMapping("/la/collections/{id}/dates")
    String changeDates(@PathVariable("id") long id, @ModelAttribute("form") CollectionForms.ChangeDates form,
            BindingResult result, Authentication auth, Model model, RedirectAttributes redirect) {
        AssessmentCollection c = collection(id);
        Dates dates = readDates(form.opensOn(), form.laDeadline(), form.dfeDeadline(), result);
        if (!result.hasErrors()) {
            collections.changeDates(id, dates, Actor.of(auth));
            redirect.addFlashAttribute("success", "Dates changed.");
            return "redirect:/la/collections/" + id;
        }
        model.addAttribute("collection", c);
        model.addAttribute("errors", FormErrors.of(CollectionForms.ChangeDates.class, result, messages));
        return "collections/dates";
    }

    @GetMapping("/la/collections/{id}/threshold")
    String thresholdForm(@PathVariable("id") long id, Model model) {
        AssessmentCollection c = phonics(id);
        model.addAttribute("collection", c);
        model.addAttribute("form", new CollectionForms.Threshold(
                c.phonicsThreshold() == null ? "" : c.phonicsThreshold().toString()));
        model.addAttribute("errors", Map.of());
        return "collections/threshold";
    }

    @PostMapping("/la/collections/{id}/threshold")
    String setThreshold(@PathVariable("id") long id, @Valid @ModelAttribute("form") CollectionForms.Threshold form,
            BindingResult result, Authentication auth, Model model, RedirectAttributes redirect) {
        AssessmentCollection c = phonics(id);
        if (!result.hasErrors() && collections.figuresAreFinal(id)) {
            FormErrors.reject(result, "threshold", "collection.threshold.final");
        }
        if (result.hasErrors()) {
            model.addAttribute("collection", c);
            model.addAttribute("errors", FormErrors.of(CollectionForms.Threshold.class, result, messages));
            return "collections/threshold";
        }
        Integer threshold = form.mark();
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
        model.addAttribute("form", CollectionForms.SchoolDeadline.of(DateInput.of(scoped.deadlineOverride())));
        model.addAttribute("errors", Map.of());
        return "collections/deadline";
    }

    @PostMapping("/la/collections/{id}/schools/{schoolId}/deadline")
    String setDeadline(@PathVariable("id") long id, @PathVariable("schoolId") long schoolId,
            @ModelAttribute("form") CollectionForms.SchoolDeadline form, BindingResult result, Authentication auth,
            Model model, RedirectAttributes redirect) {
        AssessmentCollection c = collection(id);
        scoped(id, schoolId);
        LocalDate deadline = form.deadline().check("deadline", "school's deadline", false, result);
        if (deadline != null && c.opensOn() != null && !deadline.isAfter(c.opensOn())) {
            FormErrors.reject(result, "deadline-day", "collection.deadline.afterOpening", Formats.date(c.opensOn()));
        }
        if (result.hasErrors()) {
            model.addAttribute("collection", c);
            model.addAttribute("school", schools.find(schoolId).orElseThrow());
            model.addAttribute("errors", FormErrors.of(CollectionForms.SchoolDeadline.class, result, messages));
            return "collections/deadline";
        }
        collections.setDeadlineOverride(id, schoolId, deadline, Actor.of(auth));
        redirect.addFlashAttribute("success", deadline == null ? "The school now has the LA deadline."
                : "The school's deadline is now " + Formats.date(deadline) + ".");
        return "redirect:/la/collections/" + id + "/scope";
    }

    /** The three dates, each checked on its own and then together (the order rules in {@link Dates}). */
    private static Dates readDates(DateInput opens, DateInput la, DateInput dfe, BindingResult result) {
        LocalDate opensOn = opens.check("opensOn", "date the collection opens", true, result);
        LocalDate laDeadline = la.check("laDeadline", "LA deadline", true, result);
        LocalDate dfeDeadline = dfe.check("dfeDeadline", "DfE deadline", false, result);
        Dates dates = new Dates(opensOn, laDeadline, dfeDeadline);
        for (String[] problem : dates.problems()) {
            if (!result.hasFieldErrors(problem[0] + "-day")) {
                FormErrors.reject(result, problem[0] + "-day", problem[1]);
            }
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
