package org.openreturns.server.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openreturns.server.movers.CrossSchoolPupil;
import org.openreturns.server.movers.Movers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where every school in a collection stands: its request's status (and whether a replacement of an accepted return
 * waits for the LA), latest upload, the current version's errors and queries, deadline, whether it is overdue and
 * whether it came in late. Overdue is worked out from the service clock on every look, never
 * stored. One collection holds at most one row per school, so filtering and sorting happen here in memory.
 */
@Service
public class LiveView {

    /** One school in the collection; {@code status} is null while no request has been issued to it. */
    public record Row(long schoolId, String schoolName, String dfeNumber, String urn, Long requestId,
            RequestStatus status, LocalDateTime lastUpload, Integer errors, Integer queries, LocalDate deadline,
            boolean overdue, boolean late, boolean replacementProposed, int crossSchool) {

        Row withCrossSchool(int pupils) {
            return new Row(schoolId, schoolName, dfeNumber, urn, requestId, status, lastUpload, errors, queries,
                    deadline, overdue, late, replacementProposed, pupils);
        }

        /** An accepted request whose school sent a newer version says so: the LA has a decision to make. */
        public String statusLabel() {
            return status == null ? "Not issued" : replacementProposed ? Replacements.LABEL : status.label();
        }

        public String tagClass() {
            return status == null ? "govuk-tag--grey" : status.tagClass();
        }
    }

    /** What the LA asked to see: a status (or {@link #NOT_ISSUED}), overdue only, and a name to look for. */
    public record Filter(String status, boolean overdueOnly, String search) {

        public static final String NOT_ISSUED = "NOT_ISSUED";

        public static Filter none() {
            return new Filter(null, false, null);
        }

        boolean matches(Row row) {
            if (status != null && !status.isEmpty()) {
                String rowStatus = row.status() == null ? NOT_ISSUED : row.status().name();
                if (!rowStatus.equals(status)) {
                    return false;
                }
            }
            if (overdueOnly && !row.overdue()) {
                return false;
            }
            if (search != null && !search.isBlank()) {
                String s = search.strip().toLowerCase(Locale.ROOT);
                return row.schoolName().toLowerCase(Locale.ROOT).contains(s) || row.dfeNumber().contains(s)
                        || (row.urn() != null && row.urn().contains(s));
            }
            return true;
        }
    }

    /** The columns the view sorts by; schools without a value (nothing sent yet) come last either way. */
    public enum Sort {
        NAME(r -> r.schoolName().toLowerCase(Locale.ROOT)),
        STATUS(r -> r.status() == null ? -1 : r.status().ordinal()),
        UPLOAD(Row::lastUpload),
        ERRORS(Row::errors),
        QUERIES(Row::queries),
        DEADLINE(Row::deadline);

        private final Function<Row, Comparable<Object>> key;

        @SuppressWarnings("unchecked")
        <T extends Comparable<? super T>> Sort(Function<Row, T> key) {
            this.key = r -> (Comparable<Object>) key.apply(r);
        }

        public static Sort parse(String text) {
            for (Sort s : values()) {
                if (s.name().equalsIgnoreCase(text)) {
                    return s;
                }
            }
            return NAME;
        }

        Comparator<Row> order(boolean descending) {
            Comparator<Comparable<Object>> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
            return Comparator.comparing(key, Comparator.nullsLast(values));
        }
    }

    /**
     * The view: every status's count over the whole collection, then the rows the filter lets through; and the
     * pupils in more than one school's return (each row says how many of its school's), and how many of those the LA
     * has still to decide.
     */
    public record View(Map<RequestStatus, Integer> counts, int notIssued, int overdue, int total, List<Row> rows,
            int crossSchoolPupils, int crossSchoolOpen) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Movers movers;

    LiveView(JdbcClient jdbc, Movers movers, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.movers = movers;
    }

    public View view(long collectionId, Filter filter, Sort sort, boolean descending) {
        List<CrossSchoolPupil> crossSchool = movers.inCollection(collectionId);
        Map<Long, Integer> crossSchoolBySchool = new HashMap<>();
        crossSchool.forEach(p -> p.schools().forEach(h -> crossSchoolBySchool.merge(h.schoolId(), 1, Integer::sum)));
        List<Row> all = rows(collectionId).stream()
                .map(r -> r.withCrossSchool(crossSchoolBySchool.getOrDefault(r.schoolId(), 0))).toList();
        Map<RequestStatus, Integer> counts = new EnumMap<>(RequestStatus.class);
        for (RequestStatus s : RequestStatus.values()) {
            counts.put(s, 0);
        }
        int notIssued = 0;
        int overdue = 0;
        for (Row r : all) {
            if (r.status() == null) {
                notIssued++;
            } else {
                counts.merge(r.status(), 1, Integer::sum);
            }
            if (r.overdue()) {
                overdue++;
            }
        }
        Comparator<Row> order = sort.order(descending).thenComparing(Sort.NAME.order(false))
                .thenComparing(Row::schoolId);
        List<Row> shown = all.stream().filter(filter::matches).sorted(order).toList();
        return new View(counts, notIssued, overdue, all.size(), shown, crossSchool.size(),
                (int) crossSchool.stream().filter(p -> !p.resolved()).count());
    }

    /** Every school in scope or with a request, whether or not it has sent anything. */
    List<Row> rows(long collectionId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                with schools as (
                  select school_id from collection_school where collection_id = :c
                  union
                  select school_id from file_request where collection_id = :c
                ), latest as (
                  select s.file_request_id, s.errors, s.queries
                  from current_submission cur join submission s on s.id = cur.id
                  join file_request r on r.id = s.file_request_id
                  where r.collection_id = :c
                ), uploads as (
                  select s.file_request_id, max(s.received_at) as last_upload
                  from submission s join file_request r on r.id = s.file_request_id
                  where r.collection_id = :c
                  group by s.file_request_id
                )
                select sc.id as school_id, sc.name, sc.la_code || sc.estab as dfe_number, sc.urn,
                  r.id as request_id, r.status, u.last_upload, l.errors, l.queries,
                  coalesce(r.deadline, cs.deadline_override, c.la_deadline) as deadline,
                  r.id is not null and %s as late,
                  r.status = 'ACCEPTED' and exists (
                    select 1 from submission p join submission a on a.id = r.accepted_submission_id
                    where p.file_request_id = r.id and p.version > a.version
                      and p.version = (select max(v.version) from submission v where v.file_request_id = r.id)
                      and not exists (select 1 from declined_replacement d where d.submission_id = p.id))
                    as replacement_proposed
                from schools x
                join school sc on sc.id = x.school_id
                join collection c on c.id = :c
                left join file_request r on r.collection_id = :c and r.school_id = sc.id
                left join collection_school cs on cs.collection_id = :c and cs.school_id = sc.id
                left join latest l on l.file_request_id = r.id
                left join uploads u on u.file_request_id = r.id""".formatted(Lateness.OF_REQUEST_R))
                .param("c", collectionId).param("zone", clock.getZone().getId())
                .query((rs, n) -> {
                    String statusText = rs.getString("status");
                    RequestStatus status = statusText == null ? null : RequestStatus.valueOf(statusText);
                    java.sql.Date deadline = rs.getDate("deadline");
                    LocalDate due = deadline == null ? null : deadline.toLocalDate();
                    Timestamp upload = rs.getTimestamp("last_upload");
                    return new Row(rs.getLong("school_id"), rs.getString("name"), rs.getString("dfe_number"),
                            rs.getString("urn"), status == null ? null : rs.getLong("request_id"), status,
                            upload == null ? null : LocalDateTime.ofInstant(upload.toInstant(), clock.getZone()),
                            (Integer) rs.getObject("errors"), (Integer) rs.getObject("queries"), due,
                            status != null && status.isOpen() && due != null && due.isBefore(today),
                            rs.getBoolean("late"), rs.getBoolean("replacement_proposed"), 0);
                })
                .list();
    }
}
