package org.openreturns.server.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.PupilTables;
import org.openreturns.server.reports.calculations.PupilTables.ItemColumn;
import org.openreturns.server.reports.calculations.PupilTables.PupilLine;
import org.openreturns.server.reports.calculations.PupilTables.PupilTable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pupil table of a school's report as CSV and XLSX: a row per pupil, a column per item, the findings counted. */
@Controller
class PupilDownloads {

    private final PupilTables tables;

    PupilDownloads(PupilTables tables) {
        this.tables = tables;
    }

    @GetMapping("/requests/{id}/report/pupils.csv")
    void csv(@PathVariable("id") long id, Authentication auth, HttpServletResponse response) throws IOException {
        PupilTable table = tables.download(Actor.of(auth), id, "pupils.csv");
        ReportFiles.csv(response, fileName(table) + ".csv", header(table), rows(table));
    }

    @GetMapping("/requests/{id}/report/pupils.xlsx")
    void xlsx(@PathVariable("id") long id, Authentication auth, HttpServletResponse response) throws IOException {
        PupilTable table = tables.download(Actor.of(auth), id, "pupils.xlsx");
        ReportFiles.xlsx(response, fileName(table) + ".xlsx", header(table), rows(table));
    }

    private static String fileName(PupilTable table) {
        return table.kind().name().toLowerCase(Locale.ROOT) + "-" + table.summerYear() + "-pupils";
    }

    static List<String> header(PupilTable table) {
        List<String> header = new ArrayList<>(List.of("Surname", "Forename", "UPN"));
        table.items().stream().map(ItemColumn::id).forEach(header::add);
        header.add("Errors");
        header.add("Queries");
        return header;
    }

    static List<List<Object>> rows(PupilTable table) {
        List<List<Object>> rows = new ArrayList<>();
        for (PupilLine p : table.pupils()) {
            List<Object> row = new ArrayList<>();
            row.add(p.surname() == null ? "" : p.surname());
            row.add(p.forename() == null ? "" : p.forename());
            row.add(p.upn() == null ? "" : p.upn());
            p.values().forEach(v -> row.add(value(v)));
            row.add(p.errors());
            row.add(p.queries());
            rows.add(row);
        }
        return rows;
    }

    /** A mark or score as a number, so a spreadsheet can add them up; a code as the file gave it. */
    private static Object value(String v) {
        if (v == null) {
            return "";
        }
        return v.matches("\\d{1,3}") ? Integer.valueOf(v) : v;
    }
}
