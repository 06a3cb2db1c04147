package org.openreturns.server.requests;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.collections.AssessmentCollection;
import org.openreturns.server.collections.CollectionService;
import org.openreturns.server.platform.DateInput;
import org.openreturns.server.collections.LaStaff;
import org.openreturns.server.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The LA's live view of a collection (counts by status, one row per school, filters, sorting, CSV export) and
 * issuing the collection's file requests. Plain GET forms and links, so it all works without JavaScript.
 */
@Controller
class LaCollectionViewController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CollectionService collections;
    private final LiveView liveView;
    private final FileRequests requests;
    private final AuditLog audit;
    private final Clock clock;
    private final MessageSource messages;

    LaCollectionViewController(CollectionService collections, LiveView liveView, FileRequests requests,
            AuditLog audit, Clock clock, MessageSource messages) {
        this.collections = collections;
        this.liveView = liveView;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    /** One sortable column header: its link and its aria-sort state. */
    record Column(String label, String href, String ariaSort, boolean numeric) {
    }

    @GetMapping("/la/collections/{id}")
    String live(@PathVariable("id") long id, @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "overdue", required = false) String overdue,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir, Authentication auth, Model model) {
        AssessmentCollection c = collection(id);
        LiveView.Filter filter = filter(status, overdue, q);
        LiveView.Sort by = LiveView.Sort.parse(sort);
        boolean descending = "desc".equals(dir);
        LiveView.View view = liveView.view(id, filter, by, descending);

        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("name", column("School", LiveView.Sort.NAME, by, descending, id, filter, false));
        columns.put("status", column("Status", LiveView.Sort.STATUS, by, descending, id, filter, false));
        columns.put("upload", column("Last upload", LiveView.Sort.UPLOAD, by, descending, id, filter, false));
        columns.put("errors", column("Errors", LiveView.Sort.ERRORS, by, descending, id, filter, true));
        columns.put("queries", column("Queries", LiveView.Sort.QUERIES, by, descending, id, filter, true));
        columns.put("deadline", column("Deadline", LiveView.Sort.DEADLINE, by, descending, id, filter, false));

        model.addAttribute("collection", c);
        model.addAttribute("view", view);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("filterStatus", filter.status() == null ? "" : filter.status());
        model.addAttribute("filterOverdue", filter.overdueOnly());
        model.addAttribute("filterSearch", filter.search() == null ? "" : filter.search());
        model.addAttribute("filtered", filter.status() != null || filter.overdueOnly() || filter.search() != null);
        model.addAttribute("columns", columns);
        model.addAttribute("refreshHref", link(id, filter, by, descending, ""));
        model.addAttribute("csvHref", link(id, filter, by, descending, "/schools.csv"));
        model.addAttribute("clearHref", "/la/collections/" + id);
        model.addAttribute("updatedAt", LocalTime.now(clock).format(TIME));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("inScope", collections.scope(id).size());
        model.addAttribute("awaiting", requests.awaitingRequests(id));
        model.addAttribute("mayManage", LaStaff.mayManage(Actor.of(auth)));
        return "requests/la-live";
    }

    @GetMapping("/la/collections/{id}/schools.csv")
    void csv(@PathVariable("id") long id, @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "overdue", required = false) String overdue,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir, Authentication auth,
            HttpServletResponse response) throws IOException {
        AssessmentCollection c = collection(id);
        LiveView.Filter filter = filter(status, overdue, q);
        LiveView.View view = liveView.view(id, filter, LiveView.Sort.parse(sort), "desc".equals(dir));
        Actor actor = Actor.of(auth);
        audit.record(actor.name(), actor.roleName(), null, "EXPORT", "collection:" + id,
                "schools.csv, " + view.rows().size() + " schools");
        String fileName = c.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + c.summerYear() + "-schools.csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("DfE number", "URN", "School", "Status", "Last upload", "Errors", "Queries",
                    "Deadline", "Overdue", "Late");
            for (LiveView.Row r : view.rows()) {
                csv.printRecord(r.dfeNumber(), cell(r.urn()), cell(r.schoolName()), r.statusLabel(),
                        r.lastUpload() == null ? "" : r.lastUpload().format(CSV_TIME),
                        r.errors() == null ? "" : r.errors(), r.queries() == null ? "" : r.queries(),
                        r.deadline() == null ? "" : r.deadline(), r.overdue() ? "Yes" : "No", r.late() ? "Yes" : "No");
            }
        }
    }

    @GetMapping("/la/collections/{id}/issue")
    String issueForm(@PathVariable("id") long id, Model model) {
        AssessmentCollection c = collection(id);
        model.addAttribute("form", IssueForm.of(c.title(), defaultDescription(c), DateInput.of(c.laDeadline())));
        return issuePage(c, Map.of(), model);
    }

    @PostMapping("/la/collections/{id}/issue")
    String issue(@PathVariable("id") long id, @Valid @ModelAttribute("form") IssueForm form, BindingResult result,
            Authentication auth, Model model, RedirectAttributes redirect) {
        AssessmentCollection c = collection(id);
        LocalDate deadline = form.deadline().check("deadline", "deadline", true, result);
        if (deadline != null && deadline.isBefore(LocalDate.now(clock))) {
            FormErrors.reject(result, "deadline-day", "issue.deadline.past");
        }
        if (result.hasErrors()) {
            return issuePage(c, FormErrors.of(IssueForm.class, result, messages), model);
        }
        int issued = requests.issueAll(id, form.title(), form.description().isEmpty() ? null : form.description(),
                deadline, Actor.of(auth));
        redirect.addFlashAttribute("issued", issued);
        return "redirect:/la/collections/" + id + "/issued";
    }

    private String issuePage(AssessmentCollection c, Map<String, String> errors, Model model) {
        model.addAttribute("collection", c);
        model.addAttribute("awaiting", requests.awaitingRequests(c.id()));
        model.addAttribute("errors", errors);
        return "requests/la-issue";
    }

    @GetMapping("/la/collections/{id}/issued")
    String issued(@PathVariable("id") long id, Model model) {
        AssessmentCollection c = collection(id);
        if (!model.containsAttribute("issued")) {
            return "redirect:/la/collections/" + id;
        }
        model.addAttribute("collection", c);
        return "requests/la-issued";
    }

    static String defaultDescription(AssessmentCollection c) {
        return "Export your " + c.kind().title() + " results for " + c.kind().cohort()
                + " pupils from your management information system as a CTF file, and upload it here. "
                + "We will check it straight away and tell you about any errors or queries.";
    }

    /** Spreadsheets run a cell starting with =, +, - or @ as a formula; a school name must never do that. */
    static String cell(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static LiveView.Filter filter(String status, String overdue, String q) {
        String s = status == null ? "" : status.strip();
        boolean known = s.equals(LiveView.Filter.NOT_ISSUED)
                || java.util.Arrays.stream(RequestStatus.values()).anyMatch(r -> r.name().equals(s));
        return new LiveView.Filter(known ? s : null, "true".equals(overdue),
                q == null || q.isBlank() ? null : q.strip());
    }

    private static Column column(String label, LiveView.Sort column, LiveView.Sort by, boolean descending, long id,
            LiveView.Filter filter, boolean numeric) {
        boolean current = column == by;
        String ariaSort = current ? (descending ? "descending" : "ascending") : "none";
        return new Column(label, link(id, filter, column, current && !descending, ""), ariaSort, numeric);
    }

    private static String link(long id, LiveView.Filter filter, LiveView.Sort sort, boolean descending,
            String suffix) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/la/collections/" + id + suffix);
        if (filter.status() != null) {
            b.queryParam("status", filter.status());
        }
        if (filter.overdueOnly()) {
            b.queryParam("overdue", "true");
        }
        if (filter.search() != null) {
            b.queryParam("q", filter.search());
        }
        b.queryParam("sort", sort.name().toLowerCase(java.util.Locale.ROOT));
        b.queryParam("dir", descending ? "desc" : "asc");
        return b.encode().build().toUriString();
    }

    private AssessmentCollection collection(long id) {
        return collections.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
