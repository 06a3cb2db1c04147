package org.openreturns.server.reports.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openreturns.server.reports.calculations.GroupReports;
import org.openreturns.server.reports.calculations.GroupReports.BreakdownFigures;
import org.openreturns.server.reports.calculations.GroupReports.Figures;
import org.openreturns.server.reports.calculations.GroupReports.GroupRow;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Reports.SchoolReport;
import org.springframework.stereotype.Component;

/** The "by pupil group" tables of the school's report page and of the LA's page, as the templates show them. */
@Component
public class GroupViews {

    /** A group's row: its cells in column order (for a school with comparisons: school, LA, school, LA...). */
    public record Line(String group, List<Cell> cells) {
    }

    /**
     * One breakdown's table, or, when nobody's file carries what it needs, {@code unavailable} saying so;
     * {@code note} says how many pupils are left out when only some records carry it.
     */
    public record Table(String id, String caption, String unavailable, String note, List<Heading> headings,
            List<Line> lines, boolean anySuppressed) {
    }

    private final GroupReports groups;

    GroupViews(GroupReports groups) {
        this.groups = groups;
    }

    /** The school's tables, with the LA's figure for each group beside its own once the report is published. */
    List<Table> forSchool(SchoolReport school) {
        if (!school.checked()) {
            return List.of();
        }
        Figures figures = groups.of(school.collection().id());
        List<Heading> headings = figures.report().headings();
        List<Table> tables = new ArrayList<>();
        for (BreakdownFigures own : figures.of(school.schoolId())) {
            String carries = own.breakdown().carries();
            if (!own.available()) {
                tables.add(unavailable(own, "Your file does not include " + carries + " for any pupil, so this "
                        + "breakdown is not available."));
                continue;
            }
            BreakdownFigures la = figures.of(null, own.breakdown());
            List<Line> lines = new ArrayList<>();
            for (int g = 0; g < own.rows().size(); g++) {
                GroupRow row = own.rows().get(g);
                List<Cell> cells = new ArrayList<>();
                for (int m = 0; m < headings.size(); m++) {
                    cells.add(Cell.of(headings.get(m), row.values().get(m)));
                    if (school.comparisons()) {
                        cells.add(Cell.of(headings.get(m), la.rows().get(g).values().get(m)));
                    }
                }
                lines.add(new Line(row.group().label(), cells));
            }
            String note = own.partial() ? pupils(own.pupilsWithout()) + " in your file "
                    + (own.pupilsWithout() == 1 ? "does" : "do") + " not include " + carries
                    + ", so they are not counted in this breakdown." : null;
            tables.add(table(own, note, headings, lines));
        }
        return tables;
    }

    /** The LA's tables: the LA total of each group and measure. */
    List<Table> forLa(Figures figures) {
        List<Heading> headings = figures.report().headings();
        List<Table> tables = new ArrayList<>();
        for (BreakdownFigures la : figures.of(null)) {
            String carries = la.breakdown().carries();
            if (!la.available()) {
                tables.add(unavailable(la, la.pupils() == 0 ? "No school's return is checked yet."
                        : "No school's file includes " + carries + ", so this breakdown is not available."));
                continue;
            }
            List<Line> lines = new ArrayList<>();
            for (GroupRow row : la.rows()) {
                List<Cell> cells = new ArrayList<>();
                for (int m = 0; m < headings.size(); m++) {
                    cells.add(Cell.of(headings.get(m), row.values().get(m)));
                }
                lines.add(new Line(row.group().label(), cells));
            }
            String note = la.partial() ? pupils(la.pupilsWithout()) + " in schools' files "
                    + (la.pupilsWithout() == 1 ? "does" : "do") + " not include " + carries
                    + ", so they are not counted in this breakdown." : null;
            tables.add(table(la, note, headings, lines));
        }
        return tables;
    }

    private static Table table(BreakdownFigures b, String note, List<Heading> headings, List<Line> lines) {
        boolean anySuppressed = lines.stream().flatMap(l -> l.cells().stream()).anyMatch(Cell::suppressed);
        return new Table(b.breakdown().name().toLowerCase(Locale.ROOT), b.breakdown().label(), null, note,
                headings, lines, anySuppressed);
    }

    private static Table unavailable(BreakdownFigures b, String message) {
        return new Table(b.breakdown().name().toLowerCase(Locale.ROOT), b.breakdown().label(), message,
                null, List.of(), List.of(), false);
    }

    private static String pupils(long n) {
        return n == 1 ? "1 pupil's record" : n + " pupils' records";
    }

    static boolean anySuppressed(List<Table> tables) {
        return tables.stream().anyMatch(Table::anySuppressed);
    }
}
