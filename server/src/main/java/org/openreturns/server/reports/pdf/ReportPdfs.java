package org.openreturns.server.reports.pdf;

import jakarta.annotation.PreDestroy;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Measures.ReportedSchool;
import org.openreturns.server.reports.calculations.Reports.CollectionInfo;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.openreturns.server.reports.pdf.PdfRenderer.Orientation;
import org.openreturns.server.reports.views.GroupReportView;
import org.openreturns.server.reports.views.LaReportView;
import org.openreturns.server.reports.views.ParentsReportView;
import org.openreturns.server.reports.views.ReportViews;
import org.openreturns.server.reports.views.SchoolReportView;
import org.openreturns.server.reports.views.YearOnYearView;
import org.springframework.stereotype.Component;

/**
 * The school's and the LA's reports as PDFs, each rendered from the same view and template as its page, and the
 * LA's zip of every school's report. Auditing the download is the caller's: only it knows who asked and how.
 */
@Component
public class ReportPdfs {

    /** Renders at a time for the zip: a PDF keeps a core busy, and the machine serves pages meanwhile. */
    private static final int RENDERERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** A rendered report and the name to download it by. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    /** A school's report as a PDF, with the report it shows (for whose it is). */
    public record SchoolPdf(SchoolReport report, String fileName, byte[] bytes) {
    }

    private final ReportViews views;
    private final PdfRenderer pdf;
    private final ExecutorService pool;

    ReportPdfs(ReportViews views, PdfRenderer pdf) {
        this.views = views;
        this.pdf = pdf;
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

    public SchoolPdf school(Actor actor, long requestId) {
        SchoolReportView view = views.school(actor, requestId, false);
        SchoolReport report = view.report();
        byte[] bytes = pdf.render(SchoolReportView.TEMPLATE, view.model(), "The headline measures of "
                + report.collection().title() + " for " + report.schoolName()
                + ", beside the LA's and the national figures once published.", Orientation.PORTRAIT);
        return new SchoolPdf(report, fileName(report.collection().kind().name(),
                Integer.toString(report.collection().summerYear()), report.schoolName(), "report") + ".pdf", bytes);
    }

    public SchoolPdf parents(Actor actor, long requestId) {
        ParentsReportView view = views.parents(actor, requestId);
        SchoolReport report = view.report();
        byte[] bytes = pdf.render(ParentsReportView.TEMPLATE, view.model(), report.schoolName() + "'s "
                + report.collection().title() + " results for parents, beside the LA's and the national figures, "
                + "with what each measure means.", Orientation.PORTRAIT);
        return new SchoolPdf(report, fileName(report.collection().kind().name(),
                Integer.toString(report.collection().summerYear()), report.schoolName(), "parents-report") + ".pdf",
                bytes);
    }

    public Pdf la(Actor actor, long collectionId) {
        LaReportView view = views.la(actor, collectionId, null, false);
        CollectionInfo c = view.report().collection();
        return new Pdf(laFileName(c, "la-report"), pdf.render(LaReportView.TEMPLATE, view.model(),
                "The headline measures of " + c.title()
                        + " for every school in the LA, with the LA total and national figures.",
                Orientation.LANDSCAPE));
    }

    public Pdf groups(Actor actor, long collectionId) {
        GroupReportView view = views.groups(actor, collectionId);
        CollectionInfo c = view.collection();
        return new Pdf(laFileName(c, "la-groups"), pdf.render(GroupReportView.TEMPLATE, view.model(),
                "The headline measures of " + c.title()
                        + " for the LA's pupils by sex, disadvantage, SEN and first language.",
                Orientation.LANDSCAPE));
    }

    public Pdf yearOnYear(Actor actor, long collectionId, String measure) {
        YearOnYearView view = views.yearOnYear(actor, collectionId, measure);
        CollectionInfo c = view.collection();
        return new Pdf(laFileName(c, "year-on-year"), pdf.render(YearOnYearView.TEMPLATE, view.model(),
                "Each school's figure for one measure of " + c.title() + " beside the year before.",
                Orientation.PORTRAIT));
    }

    private static String laFileName(CollectionInfo c, String what) {
        return fileName(c.kind().name(), Integer.toString(c.summerYear()), what) + ".pdf";
    }

    /**
     * Every school's report in one zip, rendered on a bounded pool and written in school order as each is ready,
     * so no more than a few PDFs are held in memory however many schools the LA has.
     */
    public void writeZip(List<ReportedSchool> schools, Actor actor, OutputStream out) throws IOException {
        Deque<Pending> inFlight = new ArrayDeque<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ReportedSchool s : schools) {
                // Two schools may share a name; the DfE number in the name keeps every entry apart.
                inFlight.add(new Pending(fileName(s.la() + s.estab(), s.name(), "report") + ".pdf",
                        pool.submit(() -> school(actor, s.requestId()))));
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

    /** A file name of lower-case letters, digits and hyphens only, whatever a school is called. */
    public static String fileName(String... parts) {
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
