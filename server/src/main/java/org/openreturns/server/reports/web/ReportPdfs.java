package org.openreturns.server.reports.web;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Measures;
import org.openreturns.server.reports.calculations.Measures.ReportedSchool;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.CollectionInfo;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.openreturns.server.reports.pdf.PdfRenderer;
import org.openreturns.server.reports.pdf.PdfRenderer.Orientation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The school's and the LA's report pages as PDFs, rendered from the pages' own views and models, and the LA's zip of
 * every school's report. Every download is audited.
 */
@Controller
class ReportPdfs {

    /** Renders at a time for the zip: a PDF keeps a core busy, and the machine serves pages meanwhile. */
    private static final int RENDERERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ReportPages pages;
    private final GroupReportPages groupPages;
    private final YearOnYearPages yearPages;
    private final Reports reports;
    private final Measures measures;
    private final PdfRenderer pdf;
    private final AuditLog audit;
    private final ExecutorService pool;

    ReportPdfs(ReportPages pages, GroupReportPages groupPages, YearOnYearPages yearPages, Reports reports,
            Measures measures, PdfRenderer pdf, AuditLog audit) {
        this.pages = pages;
        this.groupPages = groupPages;
        this.yearPages = yearPages;
        this.reports = reports;
        this.measures = measures;
        this.pdf = pdf;
        this.audit = audit;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(RENDERERS, task -> {
            Thread t = new Thread(task, "report-pdf-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @GetMapping("/requests/{id}/report.pdf")
    ResponseEntity<byte[]> schoolReport(@PathVariable("id") long id, Authentication auth) {
        SchoolPdf school = schoolPdf(id, auth);
        downloaded(Actor.of(auth), school.report().schoolId(), "request " + id, "report.pdf");
        return pdfResponse(school.fileName(), school.bytes());
    }

    @GetMapping("/la/collections/{id}/report.pdf")
    ResponseEntity<byte[]> laReport(@PathVariable("id") long id, Authentication auth) {
        return laPdf(id, auth, "report.pdf", "la-report", Orientation.LANDSCAPE,
                c -> "The headline measures of " + c.title()
                        + " for every school in the LA, with the LA total and national figures.",
                model -> pages.laReport(id, null, null, auth, model));
    }

    @GetMapping("/la/collections/{id}/report/groups.pdf")
    ResponseEntity<byte[]> laGroups(@PathVariable("id") long id, Authentication auth) {
        return laPdf(id, auth, "report/groups.pdf", "la-groups", Orientation.LANDSCAPE,
                c -> "The headline measures of " + c.title()
                        + " for the LA's pupils by sex, disadvantage, SEN and first language.",
                model -> groupPages.laGroups(id, auth, model));
    }

    @GetMapping("/la/collections/{id}/report/years.pdf")
    ResponseEntity<byte[]> laYears(@PathVariable("id") long id,
            @RequestParam(name = "measure", required = false) String measure, Authentication auth) {
        return laPdf(id, auth, "report/years.pdf", "year-on-year", Orientation.PORTRAIT,
                c -> "Each school's figure for one measure of " + c.title() + " beside the year before.",
                model -> yearPages.bySchool(id, measure, auth, model));
    }

    /** An LA page of a collection's report as a PDF: the page's own view and model, rendered and audited. */
    private ResponseEntity<byte[]> laPdf(long id, Authentication auth, String what, String fileNamePart,
            Orientation orientation, Function<CollectionInfo, String> description,
            Function<ExtendedModelMap, String> page) {
        ExtendedModelMap model = new ExtendedModelMap();
        String view = page.apply(model);
        CollectionInfo c = reports.collection(id);
        byte[] bytes = pdf.render(view, model, description.apply(c), orientation);
        downloaded(Actor.of(auth), null, "collection " + id, what);
        return pdfResponse(fileName(c.kind().name(), Integer.toString(c.summerYear()), fileNamePart) + ".pdf",
                bytes);
    }

    /**
     * Every school's report in one zip, rendered on a bounded pool and written in school order as each is ready,
     * so no more than a few PDFs are held in memory however many schools the LA has.
     */
    @GetMapping("/la/collections/{id}/school-reports.zip")
    void schoolReportsZip(@PathVariable("id") long id, Authentication auth, HttpServletResponse response)
            throws IOException {
        CollectionInfo c = reports.collection(id);
        List<ReportedSchool> schools = measures.of(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND)).schools();
        Actor actor = Actor.of(auth);
        audit.record(actor.name(), actor.roleName(), null, "EXPORT", "collection " + id,
                "school-reports.zip: " + schools.size() + " school reports as PDF");
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(
                fileName(c.kind().name(), Integer.toString(c.summerYear()), "school-reports") + ".zip"));
        writeZip(schools, auth, response.getOutputStream());
    }

    private void writeZip(List<ReportedSchool> schools, Authentication auth, OutputStream out) throws IOException {
        Deque<Pending> inFlight = new ArrayDeque<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ReportedSchool s : schools) {
                // Two schools may share a name; the DfE number in the name keeps every entry apart.
                inFlight.add(new Pending(fileName(s.la() + s.estab(), s.name(), "report") + ".pdf",
                        pool.submit(() -> schoolPdf(s.requestId(), auth))));
                if (inFlight.size() >= 2 * RENDERERS) {
                    writeEntry(zip, inFlight.poll());
                }
            }
            while (!inFlight.isEmpty()) {
                writeEntry(zip, inFlight.poll());
            }
        } finally {
            inFlight.forEach(p -> p.pdf().cancel(true));
        }
    }

    private record Pending(String fileName, Future<SchoolPdf> pdf) {
    }

    private static void writeEntry(ZipOutputStream zip, Pending next) throws IOException {
        SchoolPdf school;
        try {
            school = next.pdf().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while rendering the school reports", e);
        } catch (ExecutionException e) {
            throw new IOException("A school report could not be rendered", e.getCause());
        }
        zip.putNextEntry(new ZipEntry(next.fileName()));
        zip.write(school.bytes());
        zip.closeEntry();
    }

    record SchoolPdf(SchoolReport report, String fileName, byte[] bytes) {
    }

    SchoolPdf schoolPdf(long requestId, Authentication auth) {
        ExtendedModelMap model = new ExtendedModelMap();
        String view = pages.schoolReport(requestId, null, auth, model);
        SchoolReport report = (SchoolReport) model.get("report");
        byte[] bytes = pdf.render(view, model, "The headline measures of " + report.collection().title() + " for "
                + report.schoolName() + ", beside the LA's and the national figures once published.",
                Orientation.PORTRAIT);
        return new SchoolPdf(report, fileName(report.collection().kind().name(),
                Integer.toString(report.collection().summerYear()), report.schoolName(), "report") + ".pdf", bytes);
    }

    private void downloaded(Actor actor, Long schoolId, String target, String what) {
        audit.record(actor.name(), actor.roleName(), schoolId, "EXPORT", target, what);
    }

    static ResponseEntity<byte[]> pdfResponse(String fileName, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName)).body(bytes);
    }

    static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    /** A file name of lower-case letters, digits and hyphens only, whatever a school is called. */
    static String fileName(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            String plain = Normalizer.normalize(part, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (!plain.isEmpty()) {
                name.append(name.isEmpty() ? "" : "-").append(plain);
            }
        }
        String joined = name.length() > 120 ? name.substring(0, 120).replaceAll("-+$", "") : name.toString();
        return joined.isEmpty() ? "report" : joined;
    }
}
