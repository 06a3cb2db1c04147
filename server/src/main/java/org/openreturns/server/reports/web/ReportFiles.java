package org.openreturns.server.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Measures.ReportedSchool;
import org.openreturns.server.reports.calculations.Reports;
import org.openreturns.server.reports.calculations.Reports.LaReport;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How every report download is written, whichever controller serves it: file names, the rows behind a report (one
 * per school, or LA total, or national figure, and measure, with the counts behind each figure; suppressed and
 * provisional figures leave the count and value empty, as on the page), CSV, XLSX and PDF responses.
 */
final class ReportFiles {

    static final List<String> HEADER = List.of("School", "DfE number", "Measure id", "Measure", "Pupils counted",
            "Pupils meeting or total", "Value", "Suppressed", "Provisional");

    private ReportFiles() {
    }

    static String fileName(Reports.CollectionInfo c) {
        return c.kind().name().toLowerCase(Locale.ROOT) + "-" + c.summerYear() + "-report";
    }

    static List<List<Object>> laRows(LaReport report) {
        List<List<Object>> rows = new ArrayList<>();
        List<Heading> headings = report.report().headings();
        for (Reports.LaRow r : report.rows()) {
            ReportedSchool s = r.school();
            for (Heading h : headings) {
                rows.add(row(s.name(), s.la() + s.estab(), h, r.values().get(h.id())));
            }
        }
        for (Heading h : headings) {
            rows.add(row("LA total", "", h, report.report().total().get(h.id())));
        }
        for (Heading h : headings) {
            rows.add(nationalRow(h, report.national().get(h.id())));
        }
        return rows;
    }

    static List<List<Object>> schoolRows(SchoolReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Reports.Line l : report.lines()) {
            rows.add(row(report.schoolName(), "", l.heading(), l.school()));
        }
        if (report.comparisons()) {
            report.lines().forEach(l -> rows.add(row("LA total", "", l.heading(), l.la())));
            report.lines().forEach(l -> rows.add(nationalRow(l.heading(), l.national())));
        }
        return rows;
    }

    static List<Object> row(String who, String dfe, Heading h, MeasureValue v) {
        boolean shown = v != null && v.value() != null;
        List<Object> row = new ArrayList<>();
        row.add(who);
        row.add(dfe);
        row.add(h.id());
        row.add(h.label());
        row.add(v == null || v.denominator() == null ? "" : v.denominator());
        row.add(shown ? v.numerator() : "");
        row.add(shown ? Reports.oneDecimal(v) : v != null && !v.available() ? "Not available" : "");
        row.add(v != null && v.suppressed() ? "Yes" : "No");
        row.add(v != null && v.provisional() ? "Yes" : "No");
        return row;
    }

    private static List<Object> nationalRow(Heading h, BigDecimal national) {
        return List.of("National", "", h.id(), h.label(), "", "", national == null ? "Not available" : national,
                "No", "No");
    }

    /** A cell a spreadsheet will not run as a formula, however a school's name begins. */
    private static Object safe(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    static void csv(HttpServletResponse response, String fileName, List<String> header, List<List<Object>> rows)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(header);
            for (List<Object> row : rows) {
                csv.printRecord(row.stream().map(ReportFiles::safe).toList());
            }
        }
    }

    static void xlsx(HttpServletResponse response, String fileName, List<String> header, List<List<Object>> rows)
            throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet("Report");
            Row top = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                top.createCell(i).setCellValue(header.get(i));
            }
            int n = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        // Text cells are never formulas in XLSX, so no guard is needed here.
                        row.createCell(i).setCellValue(String.valueOf(v));
                    }
                }
            }
            book.write(response.getOutputStream());
            book.dispose();
        }
    }

    static ResponseEntity<byte[]> pdfResponse(String fileName, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName)).body(bytes);
    }

    static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
