package org.openreturns.server.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Searching the audit trail, newest first, a page at a time. */
@Repository
class AuditSearch {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to look for; blank text and null dates match everything. Dates are whole days in England. */
    record Query(String actor, String action, String school, LocalDate from, LocalDate to) {
    }

    record Event(long id, ZonedDateTime at, String actor, String actorRole, String action, String target,
            String detail, String dfeNumber, String schoolName, String ip) {
    }

    /** At most {@code limit} events, skipping {@code offset}. */
    List<Event> find(Query q, int limit, long offset) {
        String school = q.school().strip();
        String dfe = school.replaceAll("[\\s/]", "");
        return jdbc.sql("""
                select e.id, e.at, e.actor, e.actor_role, e.action, e.target, e.detail,
                       s.la_code || s.estab as dfe_number, s.name as school_name, e.ip
                from audit_event e left join school s on s.id = e.school_id
                where (:actor = '' or e.actor ilike :actorLike)
                  and (:action = '' or e.action = :action)
                  and (:school = '' or s.la_code || s.estab = :dfe or s.urn = :school or s.name ilike :schoolLike)
                  and (cast(:from as timestamptz) is null or e.at >= :from)
                  and (cast(:to as timestamptz) is null or e.at < :to)
                order by e.at desc, e.id desc
                limit :limit offset :offset""")
                .param("actor", q.actor().strip())
                .param("actorLike", contains(q.actor().strip()))
                .param("action", q.action().strip())
                .param("school", school)
                .param("dfe", dfe)
                .param("schoolLike", contains(school))
                .param("from", q.from() == null ? null : Timestamp.from(q.from().atStartOfDay(LONDON).toInstant()))
                .param("to", q.to() == null ? null
                        : Timestamp.from(q.to().plusDays(1).atStartOfDay(LONDON).toInstant()))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(LONDON),
                        rs.getString("actor"), rs.getString("actor_role"), rs.getString("action"),
                        rs.getString("target"), rs.getString("detail"), rs.getString("dfe_number"),
                        rs.getString("school_name"), rs.getString("ip")))
                .list();
    }

    List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }

    /** A LIKE pattern for "contains", with the user's own % and _ taken literally. */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
