package org.openreturns.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SchoolIdentity;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.collections.CollectionService;
import org.openreturns.server.platform.DatabaseMode;
import org.openreturns.server.platform.OpenReturnsProperties;
import org.openreturns.server.requests.FileRequests;
import org.openreturns.server.submissions.Receipt;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.SubmissionStatus;
import org.openreturns.server.submissions.UploadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Fills the demo's file requests with synthetic returns from the engine's generator, through the same intake and
 * background checks as a school's upload: last year complete and accepted; this year every status a live collection
 * shows (not started, overdue, checked, failed checks, queries, accepted, returned), except demo schools 1 and 2,
 * whose requests stay open for people trying the school journey. It runs once, in the background after start-up,
 * so the service is usable at once and the statuses fill in within seconds.
 */
@Component
class DemoUploads {

    private static final Logger log = LoggerFactory.getLogger(DemoUploads.class);
    private static final Actor DEMO = Actor.system("demo data");
    private static final int PUPILS = 30;

    /** What happens to one school's request this year. */
    enum Plan { LEAVE, OVERDUE, CLEAN, WITH_DEFECTS, ACCEPT, RETURN }

    private record Request(long id, long collectionId, Collection kind, long schoolId, SchoolIdentity school,
            int schoolNumber) {
    }

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final SubmissionIntake intake;
    private final FileRequests requests;
    private final CollectionService collections;
    private final Clock clock;

    DemoUploads(DatabaseMode mode, OpenReturnsProperties properties,
            @Value("${openreturns.demo-uploads:true}") boolean uploads, JdbcClient jdbc, SubmissionIntake intake,
            FileRequests requests, CollectionService collections, Clock clock) {
        this.enabled = mode.embedded() && properties.demo() && uploads;
        this.jdbc = jdbc;
        this.intake = intake;
        this.requests = requests;
        this.collections = collections;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillInTheBackground() {
        boolean untouched = jdbc.sql("select not exists (select 1 from submission)").query(Boolean.class).single();
        boolean seeded = jdbc.sql("select exists (select 1 from file_request)").query(Boolean.class).single();
        if (enabled && untouched && seeded) {
            Thread worker = new Thread(this::fill, "demo-uploads");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void fill() {
        try {
            int thisYear = AcademicYear.containing(LocalDate.now(clock)).summerYear();
            fillYear(thisYear - 1, true);
            fillYear(thisYear, false);
            log.info("Demo uploads done: every status of a live collection is on show");
        } catch (RuntimeException | IOException | InterruptedException e) {
            // A demo nicety, not the service: say what went wrong and carry on without it.
            log.warn("Demo uploads stopped: {}", e.toString());
        }
    }

    private void fillYear(int summerYear, boolean lastYear) throws IOException, InterruptedException {
        List<Request> all = requestsOf(summerYear);
        Map<Long, SchoolIdentity> schools = new LinkedHashMap<>();
        all.forEach(r -> schools.putIfAbsent(r.schoolId(), r.school()));
        Path clean = Files.createTempDirectory("openreturns-demo-");
        Path defects = Files.createTempDirectory("openreturns-demo-");
        try {
            GeneratorSettings settings = GeneratorSettings.defaults().withYear(AcademicYear.ofSummer(summerYear))
                    .withPupilsPerSchool(PUPILS).withSeed(summerYear);
            List<SchoolIdentity> identities = new ArrayList<>(schools.values());
            SyntheticLa.generate(settings, identities, clean);
            if (!lastYear) {
                SyntheticLa.generate(settings.withErrorRate(0.08), identities, defects);
            }
            List<Long> toAccept = new ArrayList<>();
            List<Long> toReturn = new ArrayList<>();
            List<Long> submissions = new ArrayList<>();
            LocalDate today = LocalDate.now(clock);
            for (Request r : all) {
                Plan plan = lastYear ? Plan.ACCEPT : plan(r);
                if (plan == Plan.LEAVE) {
                    continue;
                }
                if (plan == Plan.OVERDUE) {
                    collections.setDeadlineOverride(r.collectionId(), r.schoolId(), today.minusDays(3), DEMO);
                    continue;
                }
                Path dir = plan == Plan.WITH_DEFECTS ? defects : clean;
                String name = SyntheticLa.fileName(r.school(), r.kind());
                Receipt receipt = intake.receive(DEMO, r.id(),
                        List.of(new UploadedFile(name, Files.readAllBytes(dir.resolve(name)))), "Demo upload");
                submissions.add(receipt.submissionId());
                if (plan == Plan.ACCEPT) {
                    toAccept.add(r.id());
                } else if (plan == Plan.RETURN) {
                    toReturn.add(r.id());
                }
            }
            awaitChecks(submissions);
            long accepted = toAccept.stream().filter(id -> requests.accept(id, DEMO)).count();
            long returned = toReturn.stream().filter(id -> requests.returnToSchool(id, "Our moderation visit found "
                    + "the writing judgements of three pupils need another look. Please check them in your MIS and "
                    + "upload the file again.", DEMO)).count();
            log.info("Demo uploads for {}: {} files, {} accepted, {} returned", summerYear, submissions.size(),
                    accepted, returned);
        } finally {
            FileSystemUtils.deleteRecursively(clean);
            FileSystemUtils.deleteRecursively(defects);
        }
    }

    /** Schools 1 and 2 stay open for visitors; the rest share out every status, differently per collection. */
    static Plan plan(Request r) {
        if (r.schoolNumber() <= 2) {
            return Plan.LEAVE;
        }
        return switch ((r.schoolNumber() + r.kind().ordinal()) % 8) {
            case 0 -> Plan.LEAVE;
            case 1 -> Plan.OVERDUE;
            case 2, 3 -> Plan.CLEAN;
            case 4, 5 -> Plan.WITH_DEFECTS;
            case 6 -> Plan.ACCEPT;
            default -> Plan.RETURN;
        };
    }

    private List<Request> requestsOf(int summerYear) {
        return jdbc.sql("""
                select r.id, r.collection_id, c.kind, s.id as school_id, s.la_code, s.estab, s.urn, s.name,
                       (select count(*) from school earlier where earlier.id <= s.id) as school_number
                from file_request r join collection c on c.id = r.collection_id join school s on s.id = r.school_id
                where c.summer_year = :year order by s.id, c.kind""")
                .param("year", summerYear)
                .query((rs, n) -> new Request(rs.getLong("id"), rs.getLong("collection_id"),
                        Collection.valueOf(rs.getString("kind")), rs.getLong("school_id"),
                        new SchoolIdentity(rs.getString("la_code"), rs.getString("estab"), rs.getString("urn"),
                                rs.getString("name")), rs.getInt("school_number")))
                .list();
    }

    private void awaitChecks(List<Long> submissions) throws InterruptedException {
        if (submissions.isEmpty()) {
            return;
        }
        for (int i = 0; i < 1200; i++) {
            long waiting = jdbc.sql("""
                    select count(*) from submission where id in (:ids) and processed_at is null and status <> :failed
                    """)
                    .param("ids", submissions).param("failed", SubmissionStatus.FAILED.name()).query(Long.class).single();
            if (waiting == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("demo checks did not finish in five minutes");
    }
}
