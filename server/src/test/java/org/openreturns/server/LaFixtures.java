package org.openreturns.server;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.requests.RequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data for the LA's pages, made fresh for each test so that no test depends on another's rows: schools with
 * unique numbers, collections in an academic year nobody else uses, requests and submissions written directly.
 */
@Component
public class LaFixtures {

    private static final Set<Integer> YEARS_HANDED_OUT = new HashSet<>();

    private final JdbcClient jdbc;
    private final UserRepository users;

    LaFixtures(JdbcClient jdbc, UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    public PortalUser user(String who) {
        return users.findByEmail(who + "@demo.openreturns.org").orElseThrow();
    }

    public Actor actor(String who) {
        PortalUser u = user(who);
        return new Actor(u.id(), u.email(), u.role(), u.schoolId(), Actor.Channel.WEB);
    }

    /** A summer year with no collections in it or in the year either side, so a test may copy into or from it. */
    public synchronized int freshYear() {
        for (int year = 2035; year < 2099; year++) {
            if (YEARS_HANDED_OUT.contains(year) || YEARS_HANDED_OUT.contains(year - 1)
                    || YEARS_HANDED_OUT.contains(year + 1)) {
                continue;
            }
            int used = jdbc.sql("select count(*) from collection where summer_year between :a and :b")
                    .param("a", year - 1).param("b", year + 1).query(Integer.class).single();
            if (used == 0) {
                YEARS_HANDED_OUT.add(year);
                return year;
            }
        }
        throw new IllegalStateException("No free academic year left for tests");
    }

    public synchronized long school(String name, String phase, Integer lowAge, Integer highAge, String status) {
        int number = jdbc.sql("select coalesce(max(urn::int), 870000) + 1 from school where urn ~ '^87[0-9]{4}$'")
                .query(Integer.class).single();
        return jdbc.sql("""
                insert into school (la_code, estab, urn, name, phase, status, low_age, high_age)
                values ('877', :estab, :urn, :name, :phase, :status, :low, :high) returning id""")
                .param("estab", String.format("%04d", number % 10000)).param("urn", Integer.toString(number))
                .param("name", name).param("phase", phase).param("status", status).param("low", lowAge)
                .param("high", highAge).query(Long.class).single();
    }

    public long primary(String name) {
        return school(name, "Primary", 4, 11, "Open");
    }

    public long request(long collectionId, long schoolId, RequestStatus status, LocalDate deadline) {
        return jdbc.sql("""
                insert into file_request (collection_id, school_id, title, deadline, status)
                values (:c, :s, 'Test request', :d, :status) returning id""")
                .param("c", collectionId).param("s", schoolId).param("d", Date.valueOf(deadline))
                .param("status", status.name()).query(Long.class).single();
    }

    public long submission(long requestId, int version, String status, int errors, int queries, Instant at) {
        return jdbc.sql("""
                insert into submission (file_request_id, version, submitted_via, received_at, status, pupils, errors,
                  queries, processed_at)
                values (:r, :v, 'DEMO', :at, :status, 30, :e, :q, :at) returning id""")
                .param("r", requestId).param("v", version).param("at", Timestamp.from(at)).param("status", status)
                .param("e", errors).param("q", queries).query(Long.class).single();
    }

    public void finding(long submissionId, String severity, String code, String upn, String message) {
        jdbc.sql("""
                insert into finding (submission_id, severity, code, upn, item, message)
                values (:s, :sev, :code, :upn, 'KS2_READING', :m)""")
                .param("s", submissionId).param("sev", severity).param("code", code).param("upn", upn)
                .param("m", message).update();
    }

    public RequestStatus status(long requestId) {
        return RequestStatus.valueOf(jdbc.sql("select status from file_request where id = :id").param("id", requestId)
                .query(String.class).single());
    }

    public long audits(String action, String target) {
        return jdbc.sql("select count(*) from audit_event where action = :a and target = :t").param("a", action)
                .param("t", target).query(Long.class).single();
    }
}
