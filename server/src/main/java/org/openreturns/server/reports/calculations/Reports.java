package org.openreturns.server.reports.calculations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.reports.calculations.Measures.Heading;
import org.openreturns.server.reports.calculations.Measures.Report;
import org.openreturns.server.reports.calculations.Measures.ReportedSchool;
import org.openreturns.server.requests.RequestStatus;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What each reader of a report may see: a school its own figures as soon as its return is checked, and the LA's and
 * national figures beside them once the LA publishes; the LA every school. Also the LA's national figures and the
 * publication of a collection's report.
 */
@Service
public class Reports {

    public enum State {
        NOT_PUBLISHED("Not published", "govuk-tag--grey"), PROVISIONAL("Published: provisional", "govuk-tag--yellow"),
        FINAL("Published: final", "govuk-tag--green");

        private final String label;
        private final String tagClass;

        State(String label, String tagClass) {
            this.label = label;
            this.tagClass = tagClass;
        }

        public String label() {
            return label;
        }

        public String tagClass() {
            return tagClass;
        }
    }

    public record CollectionInfo(long id, Collection kind, int summerYear, State state, String publishedBy,
            OffsetDateTime publishedAt) {

        public String title() {
            return kind.title() + " " + summerYear;
        }
    }

    /** One measure's figures side by side; la and national null when the reader may not see them yet. */
    public record Line(Heading heading, MeasureValue school, MeasureValue la, BigDecimal national) {
    }

    public record SchoolReport(CollectionInfo collection, long requestId, long schoolId, String schoolName,
            boolean checked, boolean comparisons, boolean provisional, int suppressBelow, List<Line> lines) {
    }

    public record LaRow(ReportedSchool school, Map<String, MeasureValue> values) {
    }

    /**
     * @param notCounted the schools in the collection's scope whose return is not (yet) in the figures
     */
    public record LaReport(CollectionInfo collection, Report report, List<LaRow> rows,
            Map<String, BigDecimal> national, List<NotCounted> notCounted) {
    }

    /** A school in scope with no counted return: why, in the words of its request's status. */
    public record NotCounted(long schoolId, String name, String dfeNumber, Long requestId, String reason) {
    }

    private final JdbcClient jdbc;
    private final Measures measures;
    private final AuditLog audit;

    Reports(JdbcClient jdbc, Measures measures, AuditLog audit) {
        this.jdbc = jdbc;
        this.measures = measures;
        this.audit = audit;
    }

    public CollectionInfo collection(long id) {
        return jdbc.sql("""
                select c.id, c.kind, c.summer_year, coalesce(p.state, :unpublished), p.published_by, p.published_at
                from collection c left join report_publication p on p.collection_id = c.id where c.id = :id""")
                .param("id", id).param("unpublished", State.NOT_PUBLISHED.name())
                .query((rs, n) -> new CollectionInfo(rs.getLong(1), Collection.valueOf(rs.getString(2)), rs.getInt(3),
                        State.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The school's report for its file request; 404 for a request the actor may not see, as elsewhere. */
    public SchoolReport forRequest(Actor actor, long requestId) {
        record Request(long collectionId, long schoolId, String schoolName, String status) {
        }
        Request r = jdbc.sql("""
                select r.collection_id, r.school_id, s.name, r.status
                from file_request r join school s on s.id = r.school_id where r.id = :id""")
                .param("id", requestId)
                .query((rs, n) -> new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional().filter(x -> actor.maySee(x.schoolId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CollectionInfo c = collection(r.collectionId());
        boolean checked = Measures.COUNTED.contains(r.status());
        boolean comparisons = c.state() != State.NOT_PUBLISHED;
        Report report = measures.of(c.id()).orElseThrow();
        Map<String, BigDecimal> national = comparisons ? national(c.summerYear()) : Map.of();
        List<Line> lines = new ArrayList<>();
        if (checked) {
            for (Heading h : report.headings()) {
                lines.add(new Line(h, report.school(r.schoolId(), h.id()).orElse(null),
                        comparisons ? report.la(h.id()).orElse(null) : null, national.get(h.id())));
            }
        }
        boolean provisional = c.state() != State.FINAL || !report.phonicsThresholdKnown();
        audit.record(actor.name(), actor.roleName(), r.schoolId(), "REPORT_VIEWED", "request " + requestId,
                c.title() + " via " + actor.channel());
        return new SchoolReport(c, requestId, r.schoolId(), r.schoolName(), checked, comparisons, provisional,
                report.suppressBelow(), lines);
    }

    /** Every school's row, sorted by the measure given (or by school name), figures that cannot be shown last. */
    public LaReport forLa(Actor actor, long collectionId, String sort, boolean descending) {
        CollectionInfo c = collection(collectionId);
        Report report = measures.of(collectionId).orElseThrow();
        List<LaRow> rows = new ArrayList<>();
        for (ReportedSchool s : report.schools()) {
            rows.add(new LaRow(s, report.bySchool().getOrDefault(s.schoolId(), Map.of())));
        }
        Comparator<LaRow> order;
        if (sort != null && report.total().containsKey(sort)) {
            Comparator<Double> byValue = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
            order = Comparator.comparing((LaRow row) -> value(row, sort), Comparator.nullsLast(byValue));
        } else {
            Comparator<String> byName = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
            order = Comparator.comparing((LaRow row) -> row.school().name(), byName);
        }
        rows.sort(order);
        audit.record(actor.name(), actor.roleName(), null, "REPORT_VIEWED", "collection " + collectionId,
                c.title() + " LA report");
        return new LaReport(c, report, rows, national(c.summerYear()), notCounted(collectionId));
    }

    /**
     * The schools in the collection's scope that the report does not count: no request issued, nothing sent, or a
     * return that is not (or no longer) checked. Name order.
     */
    public List<NotCounted> notCounted(long collectionId) {
        return jdbc.sql("""
                select sc.id, sc.name, sc.la_code, sc.estab, r.id as request_id, r.status
                from collection_school cs
                join school sc on sc.id = cs.school_id
                left join file_request r on r.collection_id = cs.collection_id and r.school_id = cs.school_id
                where cs.collection_id = :c
                  and (r.id is null or r.status not in (:counted)
                       or not exists (select 1 from current_submission s where s.file_request_id = r.id))
                order by sc.name, sc.id""")
                .param("c", collectionId).param("counted", Measures.COUNTED)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    String reason = status == null ? "No file request issued"
                            : RequestStatus.valueOf(status) == RequestStatus.NOT_STARTED ? "Nothing sent yet"
                            : RequestStatus.valueOf(status).label();
                    return new NotCounted(rs.getLong(1), rs.getString(2),
                            rs.getString(3).strip() + "/" + rs.getString(4).strip(),
                            status == null ? null : rs.getLong("request_id"), reason);
                })
                .list();
    }

    public List<Heading> headings(long collectionId) {
        return measures.of(collectionId).map(Report::headings).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Double value(LaRow row, String measureId) {
        MeasureValue v = row.values().get(measureId);
        return v == null ? null : v.value();
    }

    public Map<String, BigDecimal> national(int summerYear) {
        Map<String, BigDecimal> figures = new HashMap<>();
        jdbc.sql("select measure_id, value from national_figure where summer_year = :y and value is not null")
                .param("y", summerYear)
                .query(rs -> {
                    figures.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return figures;
    }

    /** Sets or clears (null) each measure's national figure for the collection's year. */
    @Transactional
    public void setNational(long collectionId, Map<String, BigDecimal> figures, Actor actor) {
        CollectionInfo c = collection(collectionId);
        for (Map.Entry<String, BigDecimal> f : figures.entrySet()) {
            jdbc.sql("""
                    insert into national_figure (summer_year, measure_id, value, entered_by, entered_at)
                    values (:y, :m, :v, :by, now())
                    on conflict (summer_year, measure_id)
                    do update set value = excluded.value, entered_by = excluded.entered_by, entered_at = now()""")
                    .param("y", c.summerYear()).param("m", f.getKey()).param("v", f.getValue())
                    .param("by", actor.name()).update();
        }
        audit.record(actor.name(), actor.roleName(), null, "NATIONAL_FIGURES_SET", "collection " + collectionId,
                c.title() + ": " + figures);
    }

    public int suppressBelow() {
        return measures.suppressBelow();
    }

    public void setSuppressBelow(int minimumCohort, Actor actor) {
        jdbc.sql("update report_setting set suppress_below = :n where id = 1").param("n", minimumCohort).update();
        audit.record(actor.name(), actor.roleName(), null, "SUPPRESSION_SET", "report settings",
                "suppress figures over fewer than " + minimumCohort + " pupils");
    }

    /**
     * Publishes (or unpublishes) the report. Final figures stay final: leaving FINAL is {@link #reopen}, which says
     * why. False when the report is final and another state was asked for.
     */
    @Transactional
    public boolean publish(long collectionId, State state, Actor actor) {
        CollectionInfo c = collection(collectionId);
        if (c.state() == State.FINAL && state != State.FINAL) {
            return false;
        }
        jdbc.sql("""
                insert into report_publication (collection_id, state, published_by, published_at)
                values (:id, :state, :by, now())
                on conflict (collection_id) do update
                set state = excluded.state, published_by = excluded.published_by, published_at = excluded.published_at""")
                .param("state", state.name()).param("by", state == State.NOT_PUBLISHED ? null : actor.name())
                .param("id", collectionId).update();
        audit.record(actor.name(), actor.roleName(), null, state == State.NOT_PUBLISHED ? "REPORT_UNPUBLISHED"
                : "REPORT_PUBLISHED", "collection " + collectionId, c.title() + ": " + state.label()
                        + (state == State.NOT_PUBLISHED ? "" : notCountedNote(collectionId)));
        return true;
    }

    private String notCountedNote(long collectionId) {
        int missing = notCounted(collectionId).size();
        return missing == 0 ? "" : ", " + missing + (missing == 1 ? " school" : " schools") + " not counted";
    }

    /**
     * Reopens a collection whose figures were published as final: the report goes back to provisional, and schools
     * may send again and the LA decide again, until it is published as final once more. False when it was not final.
     */
    @Transactional
    public boolean reopen(long collectionId, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Reopening a collection needs a reason");
        }
        CollectionInfo c = collection(collectionId);
        int changed = jdbc.sql("""
                update report_publication set state = :provisional, published_by = :by, published_at = now()
                where collection_id = :id and state = :final""")
                .param("provisional", State.PROVISIONAL.name()).param("final", State.FINAL.name())
                .param("by", actor.name()).param("id", collectionId).update();
        if (changed == 0) {
            return false;
        }
        audit.record(actor.name(), actor.roleName(), null, "COLLECTION_REOPENED", "collection " + collectionId,
                c.title() + ": final figures reopened, the report is provisional again. Reason: " + reason.strip());
        return true;
    }

    /**
     * How a figure reads on a page or PDF: rounded as the DfE publishes the measure (whole-number percentages, EYFSP
     * percentages and averages to 1 dp: reference/rules.md §3); data downloads keep the 1 dp value.
     */
    public static String display(Heading heading, MeasureValue v) {
        if (v != null && !v.available()) {
            return "Not available";
        }
        if (v == null || v.denominator() == 0) {
            return "No pupils";
        }
        if (v.suppressed()) {
            return "Suppressed";
        }
        if (v.provisional() || v.value() == null) {
            return "Not yet known";
        }
        return shown(heading, BigDecimal.valueOf(v.value()));
    }

    public static String displayNational(Heading heading, BigDecimal national) {
        if (national == null) {
            return "Not available";
        }
        return shown(heading, national);
    }

    private static String shown(Heading heading, BigDecimal value) {
        String text = value.setScale(heading.decimals(), RoundingMode.HALF_UP).toPlainString();
        return heading.isPercent() ? text + "%" : text;
    }

    /** The figure as the engine's JSON gives it: one decimal place; null when it cannot be shown. */
    public static BigDecimal oneDecimal(MeasureValue v) {
        return v == null || v.value() == null ? null : BigDecimal.valueOf(v.value()).setScale(1, RoundingMode.HALF_UP);
    }
}
