package org.openreturns.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.validation.CrossFileCheck.CrossFileFinding;
import org.openreturns.engine.validation.FileReport;

/** The JSON contract of the CLI for scripts (documented in the README); field order is part of the contract. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    static void write(PrintWriter out, Object value) {
        try {
            MAPPER.writeValue(out, value);
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> validation(List<FileReport> reports, List<CrossFileFinding> crossFile) {
        List<Object> files = new ArrayList<>();
        for (FileReport r : reports) {
            files.add(file(r));
        }
        List<Object> cross = new ArrayList<>();
        for (CrossFileFinding f : crossFile) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().key());
            m.put("code", f.code());
            m.put("upn", f.upn());
            m.put("files", f.files());
            m.put("message", f.message());
            cross.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", files);
        root.put("crossFile", cross);
        return root;
    }

    private static Map<String, Object> file(FileReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.fileName());
        m.put("collection", r.collection() == null ? null : r.collection().name());
        m.put("year", r.year() == null ? null : r.year().summerYear());
        // The threshold mark the phonics outcomes were judged by (null for other collections, or while unpublished).
        m.put("phonicsThreshold", r.collection() == Collection.PHONICS ? r.phonicsThreshold() : null);
        CtfHeader h = r.header();
        if (h == null) {
            m.put("school", null);
            m.put("ctfVersion", null);
        } else {
            Map<String, Object> school = new LinkedHashMap<>();
            school.put("la", h.sourceLa());
            school.put("estab", h.sourceEstab());
            school.put("urn", h.sourceUrn());
            school.put("name", h.schoolName());
            m.put("school", school);
            m.put("ctfVersion", h.ctfVersion());
        }
        m.put("pupils", r.pupils());
        if (!r.readable()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", r.readError().getMessage());
            error.put("line", r.readError().line() == 0 ? null : r.readError().line());
            error.put("column", r.readError().column() == 0 ? null : r.readError().column());
            m.put("error", error);
        }
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("severity", f.severity().key());
            fm.put("code", f.code());
            fm.put("upn", f.upn());
            fm.put("item", f.item());
            fm.put("message", f.message());
            findings.add(fm);
        }
        m.put("findings", findings);
        return m;
    }

    static Map<String, Object> measures(List<MeasureValue> measures, Integer phonicsThreshold) {
        List<Object> list = new ArrayList<>();
        for (MeasureValue v : measures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.id());
            m.put("label", v.label());
            m.put("collection", v.collection().name());
            m.put("school", v.school());
            m.put("numerator", v.numerator());
            m.put("denominator", v.denominator());
            m.put("value", oneDecimal(v.value()));
            m.put("suppressed", v.suppressed());
            m.put("provisional", v.provisional());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("measures", list);
        root.put("phonicsThreshold", phonicsThreshold);
        return root;
    }

    /**
     * The measures, then how the cohort of each measure that needs one explained was formed:
     * {@code "cohorts":[{"id","basis"}]}. Given only with {@code summary --previous}.
     */
    static Map<String, Object> measuresWithBasis(List<MeasureValue> measures, Integer phonicsThreshold) {
        Map<String, Object> root = measures(measures, phonicsThreshold);
        List<Object> cohorts = new ArrayList<>();
        measures.stream().map(MeasureValue::id).distinct().forEach(id -> {
            String basis = MeasureBook.cohortBasis(id);
            if (basis != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("basis", basis);
                cohorts.add(m);
            }
        });
        root.put("cohorts", cohorts);
        return root;
    }

    /** Percentages and averages to one decimal place, as the contract says; null stays null. */
    static BigDecimal oneDecimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
