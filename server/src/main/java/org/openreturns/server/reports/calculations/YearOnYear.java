package org.openreturns.server.reports.calculations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Measures.Report;
import org.openreturns.server.reports.calculations.Measures.ReportedSchool;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A collection's figures beside those of the same kind of collection in earlier years, each year counted by
 * {@link Measures} as its own report is. An earlier collection with no checked return has no figures and is left out,
 * so "no earlier year" is said plainly rather than shown as zeros.
 */
@Service
public class YearOnYear {

    /** An earlier year's report of the same kind of collection, with at least one school in it. */
    public record Year(int summerYear, Report report) {
    }

    /** One measure's LA total this year and in each earlier year (newest first), and the change since the latest. */
    public record LaTotalLine(String label, String thisYear, List<String> earlier, String change) {
    }

    /**
     * @param comparison how the change is counted, in words: over the same schools in both years, said plainly with
     *     the counts when the two years' schools differ; null when there is no earlier year
     */
    public record LaTotals(int summerYear, List<Integer> earlierYears, List<LaTotalLine> lines, String comparison) {

        public Integer lastYear() {
            return earlierYears.isEmpty() ? null : earlierYears.get(0);
        }
    }

    public record Line(String label, String thisYear, String lastYear, String change) {
    }

    /** The school's own figures this year and in the latest earlier year it was counted in; lastYear null if none. */
    public record SchoolYears(int summerYear, Integer lastYear, List<Line> lines) {
    }

    public record SchoolRow(String name, String dfeNumber, String thisYear, String lastYear, String change) {
    }

    /** Every school of either year, for one measure. */
    public record BySchool(int summerYear, Integer lastYear, List<Heading> headings, Heading measure,
            List<SchoolRow> rows, SchoolRow total, String comparison) {
    }

    private final JdbcClient jdbc;
    private final Measures measures;
    private final AuditLog audit;

    YearOnYear(JdbcClient jdbc, Measures measures, AuditLog audit) {
        this.jdbc = jdbc;
        this.measures = measures;
        this.audit = audit;
    }

    /** The earlier years of the report's kind of collection that have figures, newest first. */
    List<Year> earlier(Report current) {
        return earlierReports(current).map(r -> new Year(r.summerYear(), r)).toList();
    }

    /** Lazily, so that a caller who wants only the latest year counts no other. */
    private Stream<Report> earlierReports(Report current) {
        List<Long> ids = jdbc.sql("""
                select id from collection where kind = :kind and summer_year < :year order by summer_year desc""")
                .param("kind", current.kind().name()).param("year", current.summerYear())
                .query(Long.class).list();
        return ids.stream().map(measures::of).flatMap(Optional::stream).filter(r -> !r.schools().isEmpty());
    }

    public LaTotals laTotals(long collectionId) {
        Report current = measures.of(collectionId).orElseThrow();
        List<Year> earlier = earlier(current);
        Like like = earlier.isEmpty() ? null : like(current, earlier.get(0).report());
        List<LaTotalLine> lines = new ArrayList<>();
        for (Heading h : current.headings()) {
            MeasureValue now = current.la(h.id()).orElse(null);
            List<String> before = earlier.stream()
                    .map(y -> Reports.display(h, y.report().la(h.id()).orElse(null))).toList();
            String change = like == null ? null : like.change(h);
            lines.add(new LaTotalLine(h.label(), Reports.display(h, now), before, change));
        }
        return new LaTotals(current.summerYear(), earlier.stream().map(Year::summerYear).toList(), lines,
                like == null ? null : like.sentence());
    }

    /**
     * Two years' LA totals made comparable: each counted over only the schools counted in both years, so that a
     * school missing from one year (closed, opened, or not yet sent) does not pass for a change in results.
     */
    private record Like(Report now, Report then, int schoolsNow, int schoolsThen, int both) {

        String change(Heading h) {
            return both == 0 ? "Not available"
                    : YearOnYear.change(h, now.la(h.id()).orElse(null), then.la(h.id()).orElse(null));
        }

        String sentence() {
            if (both == schoolsNow && both == schoolsThen) {
                return "Both years count the same " + schools(both) + ", so the change compares like with like.";
            }
            String counts = now.summerYear() + " counts " + schools(schoolsNow) + " and " + then.summerYear()
                    + " counted " + schools(schoolsThen) + "; " + both + (both == 1 ? " is" : " are")
                    + " counted in both.";
            return both == 0 ? counts + " The totals are of different schools, so no change is given."
                    : counts + " Each year's total is of its own schools; the change compares only the " + both
                            + " counted in both years.";
        }

        private static String schools(int n) {
            return n + (n == 1 ? " school" : " schools");
        }
    }

    private Like like(Report now, Report then) {
        java.util.Set<Long> schoolsNow = new java.util.HashSet<>();
        now.schools().forEach(s -> schoolsNow.add(s.schoolId()));
        java.util.Set<Long> both = new java.util.HashSet<>();
        then.schools().stream().map(ReportedSchool::schoolId).filter(schoolsNow::contains).forEach(both::add);
        boolean same = both.size() == now.schools().size() && both.size() == then.schools().size();
        Report sameNow = same ? now : measures.of(now.collectionId(), both).orElseThrow();
        Report sameThen = same ? then : measures.of(then.collectionId(), both).orElseThrow();
        return new Like(sameNow, sameThen, now.schools().size(), then.schools().size(), both.size());
    }

    /** Only the school's own figures: the LA's and national ones keep the rules of their publication. */
    public SchoolYears forSchool(long collectionId, long schoolId) {
        Report current = measures.of(collectionId).orElseThrow();
        Optional<Report> last = earlierReports(current).filter(r -> r.reported(schoolId).isPresent()).findFirst();
        if (last.isEmpty()) {
            return new SchoolYears(current.summerYear(), null, List.of());
        }
        Report before = last.get();
        List<Line> lines = new ArrayList<>();
        for (Heading h : current.headings()) {
            MeasureValue now = current.school(schoolId, h.id()).orElse(null);
            MeasureValue then = before.school(schoolId, h.id()).orElse(null);
            lines.add(new Line(h.label(), Reports.display(h, now), Reports.display(h, then), change(h, now, then)));
        }
        return new SchoolYears(current.summerYear(), before.summerYear(), lines);
    }

    /** Every school of this year or last, by name, for the measure asked for (the first if it is not one). */
    public BySchool bySchool(Actor actor, Reports.CollectionInfo c, String measureId) {
        Report current = measures.of(c.id()).orElseThrow();
        List<Heading> headings = current.headings();
        Heading measure = headings.stream().filter(h -> h.id().equals(measureId)).findFirst()
                .orElse(headings.isEmpty() ? null : headings.get(0));
        Report before = earlierReports(current).findFirst().orElse(null);
        List<SchoolRow> rows = new ArrayList<>();
        SchoolRow total = null;
        Like like = before == null ? null : like(current, before);
        if (measure != null) {
            Map<Long, ReportedSchool> schools = new LinkedHashMap<>();
            current.schools().forEach(s -> schools.put(s.schoolId(), s));
            if (before != null) {
                before.schools().forEach(s -> schools.putIfAbsent(s.schoolId(), s));
            }
            for (ReportedSchool s : schools.values()) {
                MeasureValue now = current.reported(s.schoolId()).isPresent()
                        ? current.school(s.schoolId(), measure.id()).orElse(null) : null;
                MeasureValue then = before != null && before.reported(s.schoolId()).isPresent()
                        ? before.school(s.schoolId(), measure.id()).orElse(null) : null;
                rows.add(new SchoolRow(s.name(), s.la() + "/" + s.estab(),
                        current.reported(s.schoolId()).isPresent() ? Reports.display(measure, now) : "No return",
                        before == null ? null
                                : before.reported(s.schoolId()).isPresent() ? Reports.display(measure, then)
                                        : "No return",
                        before == null ? null : change(measure, now, then)));
            }
            rows.sort(Comparator.comparing(SchoolRow::name).thenComparing(SchoolRow::dfeNumber));
            MeasureValue laNow = current.la(measure.id()).orElse(null);
            MeasureValue laThen = before == null ? null : before.la(measure.id()).orElse(null);
            total = new SchoolRow("LA total", "", Reports.display(measure, laNow),
                    before == null ? null : Reports.display(measure, laThen),
                    before == null ? null : like.change(measure));
        }
        audit.record(actor.name(), actor.roleName(), null, "REPORT_VIEWED", "collection " + c.id(),
                c.title() + " year on year by school" + (measure == null ? "" : ": " + measure.id()));
        return new BySchool(c.summerYear(), before == null ? null : before.summerYear(), headings, measure,
                rows, total, like == null ? null : like.sentence());
    }

    /**
     * The change from then to now, from the unrounded figures: whole percentage points for a percentage, points to
     * 1 dp for an average. "Not available" when either figure cannot be shown (no pupils, suppressed, provisional).
     */
    static String change(Heading h, MeasureValue now, MeasureValue then) {
        if (!shown(now) || !shown(then)) {
            return "Not available";
        }
        BigDecimal difference = BigDecimal.valueOf(now.value()).subtract(BigDecimal.valueOf(then.value()))
                .setScale(h.decimals(), RoundingMode.HALF_UP);
        if (difference.signum() == 0) {
            return "No change";
        }
        String sign = difference.signum() > 0 ? "+" : "-";
        String amount = difference.abs().toPlainString();
        if (!h.isPercent()) {
            return sign + amount + " points";
        }
        return sign + amount + (difference.abs().compareTo(BigDecimal.ONE) == 0 ? " percentage point"
                : " percentage points");
    }

    private static boolean shown(MeasureValue v) {
        return v != null && v.value() != null && !v.suppressed() && !v.provisional() && v.denominator() != null
                && v.denominator() > 0;
    }
}
