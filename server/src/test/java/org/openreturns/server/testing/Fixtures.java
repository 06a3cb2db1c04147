package org.openreturns.server.testing;

import static org.openreturns.server.testing.Eventually.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.synthetic.SchoolIdentity;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.openreturns.server.requests.RequestStatus;
import org.openreturns.server.submissions.Receipt;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data of each test's own, since every test of the service shares one database: schools with unique numbers
 * (with a headteacher where a test signs in as one), collections in an academic year nobody else uses, file requests,
 * real uploads through the same intake and background checks as a school's, and rows written directly where the
 * feature that would make them is not the one under test.
 */
@Component
public class Fixtures {

    private static final String DEMO_DOMAIN = "@demo.openreturns.org";
    private static final Set<Integer> YEARS_HANDED_OUT = new HashSet<>();

    /** A school made for a test, with its headteacher; the request and file once a test has made them. */
    public record TestSchool(long id, SchoolIdentity identity, PortalUser head, long requestId, byte[] file) {

        public String la() {
            return identity.la();
        }

        public String estab() {
            return identity.estab();
        }

        public String name() {
            return identity.name();
        }
    }

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final SubmissionIntake intake;

    Fixtures(JdbcClient jdbc, UserRepository users, SubmissionIntake intake) {
        this.jdbc = jdbc;
        this.users = users;
        this.intake = intake;
    }

    /** A demo user by the part of the address before {@value #DEMO_DOMAIN}, or any user by the whole address. */
    public PortalUser user(String who) {
        return users.findByEmail(who.contains("@") ? who : who + DEMO_DOMAIN).orElseThrow();
    }

    public Actor actor(String who) {
        PortalUser u = user(who);
        return new Actor(u.id(), u.email(), u.role(), u.schoolId(), Actor.Channel.WEB);
    }

    /**
     * Years the tests hand out, kept apart so that one kind of hand-out never uses up the other: whole fresh years
     * (with both neighbours empty) from the first range, collections of their own kind from the second. The engine
     * knows academic years up to 2100; fresh years stay in the future, so that no deadline in them has passed.
     */
    private static final int FRESH_FROM = 2028;
    /** 2074 is AuthorisationTest's own phonics year, between the two ranges. */
    public static final int OWN_KIND_FROM = 2075;
    public static final int LAST_YEAR = 2100;

    /** A summer year with no collections in it or in the year either side, so a test may copy into or from it. */
    public synchronized int freshYear() {
        // Future years first; past ones (2001-2023) only when those are used up, for tests that mind no deadline.
        java.util.List<Integer> candidates = new java.util.ArrayList<>();
        for (int year = FRESH_FROM; year < OWN_KIND_FROM - 1; year++) {
            candidates.add(year);
        }
        for (int year = 2002; year < 2024; year++) {
            candidates.add(year);
        }
        for (int year : candidates) {
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

    /** A school as GIAS would list it, in LA 877 with the next unused URN; no users. */
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

    /** A school of the demo LA (330) with an unused establishment number and a headteacher of its own. */
    public TestSchool school(String name) {
        while (true) {
            String estab = Integer.toString(ThreadLocalRandom.current().nextInt(5000, 9999));
            Long id = jdbc.sql("""
                    insert into school (la_code, estab, name) values ('330', :estab, :name)
                    on conflict do nothing returning id""")
                    .param("estab", estab).param("name", name).query(Long.class).optional().orElse(null);
            if (id != null) {
                String email = "head-" + id + "@test.openreturns.org";
                users.create(email, "Head of " + name, "{noop}unused", Role.HEADTEACHER, id);
                return new TestSchool(id, new SchoolIdentity("330", estab, null, name),
                        users.findByEmail(email).orElseThrow(), 0, null);
            }
        }
    }

    /** A new school in the collection, with a headteacher and a file request, not yet uploaded. */
    public TestSchool school(long collectionId, String name) {
        TestSchool school = school(name);
        jdbc.sql("insert into collection_school (collection_id, school_id) values (:c, :s)")
                .param("c", collectionId).param("s", school.id()).update();
        long request = jdbc.sql("""
                insert into file_request (collection_id, school_id, title, deadline)
                values (:c, :s, 'Report test', :deadline) returning id""")
                .param("c", collectionId).param("s", school.id())
                .param("deadline", LocalDate.of(year(collectionId), 6, 30)).query(Long.class).single();
        return new TestSchool(school.id(), school.identity(), school.head(), request, null);
    }

    /** The collection of that kind and year, made if no test has made it yet: tests may share it. */
    public long collection(Collection kind, int summerYear) {
        return jdbc.sql("""
                insert into collection (kind, summer_year) values (:kind, :year)
                on conflict (kind, summer_year) do update set kind = excluded.kind returning id""")
                .param("kind", kind.name()).param("year", summerYear).query(Long.class).single();
    }

    /** A collection of its own, in a year with no other of its kind, so its report holds only this test's schools. */
    public long collection(Collection kind) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int year = ThreadLocalRandom.current().nextInt(OWN_KIND_FROM, LAST_YEAR + 1);
            Long id = jdbc.sql("""
                    insert into collection (kind, summer_year) values (:kind, :year)
                    on conflict do nothing returning id""")
                    .param("kind", kind.name()).param("year", year).query(Long.class).optional().orElse(null);
            if (id != null) {
                return id;
            }
        }
        throw new IllegalStateException("No year left without a " + kind + " collection for tests");
    }

    public int year(long collectionId) {
        return jdbc.sql("select summer_year from collection where id = :id").param("id", collectionId)
                .query(Integer.class).single();
    }

    public Collection kind(long collectionId) {
        return Collection.valueOf(jdbc.sql("select kind from collection where id = :id").param("id", collectionId)
                .query(String.class).single());
    }

    /** The school's file request in the collection of that kind and year, the school put in its scope. */
    public long request(TestSchool school, Collection kind, int summerYear) {
        long collection = collection(kind, summerYear);
        jdbc.sql("insert into collection_school (collection_id, school_id) values (:c, :s) on conflict do nothing")
                .param("c", collection).param("s", school.id()).update();
        return jdbc.sql("""
                insert into file_request (collection_id, school_id, title, description, deadline)
                values (:c, :s, :title, 'Send the return from your MIS.', :deadline) returning id""")
                .param("c", collection).param("s", school.id())
                .param("title", kind.title() + " " + summerYear)
                .param("deadline", LocalDate.of(summerYear, 6, 30))
                .query(Long.class).single();
    }

    public long request(long collectionId, long schoolId, RequestStatus status, LocalDate deadline) {
        return jdbc.sql("""
                insert into file_request (collection_id, school_id, title, deadline, status)
                values (:c, :s, 'Test request', :d, :status) returning id""")
                .param("c", collectionId).param("s", schoolId).param("d", Date.valueOf(deadline))
                .param("status", status.name()).query(Long.class).single();
    }

    /** A submission's result written straight in, for pages that only show it. */
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

    /** Generates the school's return with the given number of pupils, uploads it and waits for its checks. */
    public TestSchool upload(long collectionId, TestSchool school, int pupils, long seed) {
        Collection kind = kind(collectionId);
        byte[] content = Ctf.generated(school.identity(), kind, year(collectionId), pupils, seed);
        Receipt receipt = intake.receive(Actor.system("test upload"), school.requestId(),
                List.of(new UploadedFile(Ctf.fileName(school.identity(), kind), content)), null);
        awaitChecked(receipt.submissionId());
        return new TestSchool(school.id(), school.identity(), school.head(), school.requestId(), content);
    }

    /** Waits for the background check to finish, as a school's browser would, and says how it ended. */
    public String awaitChecked(long submissionId) {
        return await("submission " + submissionId + " checked").until(
                () -> jdbc.sql("select status from submission where id = :id").param("id", submissionId)
                        .query(String.class).single(),
                status -> status.equals("CHECKED") || status.equals("FAILED"));
    }

    public RequestStatus status(long requestId) {
        return RequestStatus.valueOf(requestStatus(requestId));
    }

    public String requestStatus(long requestId) {
        return jdbc.sql("select status from file_request where id = :id").param("id", requestId)
                .query(String.class).single();
    }

    public List<String> findingCodes(long submissionId) {
        return jdbc.sql("select code from finding where submission_id = :id order by id").param("id", submissionId)
                .query(String.class).list();
    }

    public long audits(String action, String target) {
        return jdbc.sql("select count(*) from audit_event where action = :a and target = :t").param("a", action)
                .param("t", target).query(Long.class).single();
    }

    /** The engine's own count of the schools' files, keyed by school id, the total under school null. */
    public static List<MeasureValue> engineCount(List<TestSchool> schools, int suppressBelow) throws IOException {
        MeasureBook book = new MeasureBook(new Suppression(suppressBelow));
        ReturnValidator validator = new ReturnValidator(new CtfReader(), ValidationOptions.defaults());
        for (TestSchool s : schools) {
            validator.validate("test.xml", new ByteArrayInputStream(s.file()), book.school(Long.toString(s.id())));
        }
        return new ArrayList<>(book.results());
    }
}
