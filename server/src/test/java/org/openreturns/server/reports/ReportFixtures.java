package org.openreturns.server.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SchoolIdentity;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.submissions.Receipt;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A collection of its own with schools whose returns the engine's synthetic generator makes, uploaded through the
 * same intake and background checks as a school's upload; and the engine's own count of the same files, as the
 * known answer a report must equal.
 */
public final class ReportFixtures {

    public record TestSchool(long id, SchoolIdentity identity, PortalUser head, long requestId, byte[] file) {
    }

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final SubmissionIntake intake;

    public ReportFixtures(JdbcClient jdbc, UserRepository users, SubmissionIntake intake) {
        this.jdbc = jdbc;
        this.users = users;
        this.intake = intake;
    }

    /** A collection of a year no other test uses, so its report holds only this test's schools. */
    public long collection(Collection kind) {
        while (true) {
            int year = ThreadLocalRandom.current().nextInt(2032, 2099);
            Long id = jdbc.sql("""
                    insert into collection (kind, summer_year) values (:kind, :year)
                    on conflict do nothing returning id""")
                    .param("kind", kind.name()).param("year", year).query(Long.class).optional().orElse(null);
            if (id != null) {
                return id;
            }
        }
    }

    public int year(long collectionId) {
        return jdbc.sql("select summer_year from collection where id = :id").param("id", collectionId)
                .query(Integer.class).single();
    }

    public Collection kind(long collectionId) {
        return Collection.valueOf(jdbc.sql("select kind from collection where id = :id").param("id", collectionId)
                .query(String.class).single());
    }

    /** A new school in the collection, with a headteacher and a file request, not yet uploaded. */
    public TestSchool school(long collectionId, String name) {
        while (true) {
            String estab = Integer.toString(ThreadLocalRandom.current().nextInt(5000, 9999));
            Long id = jdbc.sql("""
                    insert into school (la_code, estab, name) values ('330', :estab, :name)
                    on conflict do nothing returning id""")
                    .param("estab", estab).param("name", name).query(Long.class).optional().orElse(null);
            if (id != null) {
                String email = "report-head-" + id + "@test.openreturns.org";
                users.create(email, "Head of " + name, "{noop}unused", Role.HEADTEACHER, id);
                jdbc.sql("insert into collection_school (collection_id, school_id) values (:c, :s)")
                        .param("c", collectionId).param("s", id).update();
                long request = jdbc.sql("""
                        insert into file_request (collection_id, school_id, title, deadline)
                        values (:c, :s, 'Report test', :deadline) returning id""")
                        .param("c", collectionId).param("s", id)
                        .param("deadline", LocalDate.of(year(collectionId), 6, 30)).query(Long.class).single();
                return new TestSchool(id, new SchoolIdentity("330", estab, null, name),
                        users.findByEmail(email).orElseThrow(), request, null);
            }
        }
    }

    /** Generates the school's return with the given number of pupils, uploads it and waits for its checks. */
    public TestSchool upload(long collectionId, TestSchool school, int pupils, long seed) throws Exception {
        Collection kind = kind(collectionId);
        Path dir = Files.createTempDirectory("openreturns-report-test");
        GeneratorSettings settings = GeneratorSettings.defaults().withYear(AcademicYear.ofSummer(year(collectionId)))
                .withPupilsPerSchool(pupils).withSeed(seed);
        SyntheticLa.generate(settings, List.of(school.identity()), dir);
        String name = SyntheticLa.fileName(school.identity(), kind);
        byte[] content = Files.readAllBytes(dir.resolve(name));
        Receipt receipt = intake.receive(Actor.system("report test"), school.requestId(),
                List.of(new UploadedFile(name, content)), null);
        awaitChecked(receipt.submissionId());
        return new TestSchool(school.id(), school.identity(), school.head(), school.requestId(), content);
    }

    public void awaitChecked(long submissionId) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            String status = jdbc.sql("select status from submission where id = :id").param("id", submissionId)
                    .query(String.class).single();
            if (status.equals("CHECKED") || status.equals("FAILED")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Submission " + submissionId + " was not checked within 60 seconds");
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
