package org.openreturns.server.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;
import org.openreturns.engine.ctf.CtfWriter;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import org.openreturns.server.accounts.UserRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of its own for each test: a fresh school with a headteacher, a collection and a file request, and real
 * CTFs made by the engine's synthetic LA generator, re-headed for that school.
 */
final class Fixtures {

    record TestSchool(long id, String la, String estab, String name, PortalUser head) {
    }

    private final JdbcClient jdbc;
    private final UserRepository users;

    Fixtures(JdbcClient jdbc, UserRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    TestSchool school(String name) {
        while (true) {
            String estab = Integer.toString(ThreadLocalRandom.current().nextInt(5000, 9999));
            Long id = jdbc.sql("""
                    insert into school (la_code, estab, name) values ('330', :estab, :name)
                    on conflict do nothing returning id""")
                    .param("estab", estab).param("name", name).query(Long.class).optional().orElse(null);
            if (id != null) {
                String email = "head-" + id + "@test.openreturns.org";
                users.create(email, "Head of " + name, "{noop}unused", Role.HEADTEACHER, id);
                return new TestSchool(id, "330", estab, name, users.findByEmail(email).orElseThrow());
            }
        }
    }

    PortalUser user(String email) {
        return users.findByEmail(email).orElseThrow();
    }

    long collection(Collection kind, int summerYear) {
        return jdbc.sql("""
                insert into collection (kind, summer_year) values (:kind, :year)
                on conflict (kind, summer_year) do update set kind = excluded.kind returning id""")
                .param("kind", kind.name()).param("year", summerYear).query(Long.class).single();
    }

    long request(TestSchool school, Collection kind, int summerYear) {
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

    String requestStatus(long requestId) {
        return jdbc.sql("select status from file_request where id = :id").param("id", requestId)
                .query(String.class).single();
    }

    /** Waits for the background check to finish, as a school's browser would. */
    String awaitChecked(long submissionId) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            String status = jdbc.sql("select status from submission where id = :id").param("id", submissionId)
                    .query(String.class).single();
            if (status.equals("CHECKED") || status.equals("FAILED")) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Submission " + submissionId + " was not checked within 30 seconds");
    }

    List<String> findingCodes(long submissionId) {
        return jdbc.sql("select code from finding where submission_id = :id order by id").param("id", submissionId)
                .query(String.class).list();
    }

    /** A clean return of the collection and year for the school, its pupils edited by {@code edit}. */
    static byte[] ctf(TestSchool school, Collection collection, int summerYear, int pupils,
            UnaryOperator<List<CtfPupil>> edit) {
        return ctf(school.la(), school.estab(), school.name(), collection, summerYear, pupils, edit);
    }

    static byte[] ctf(String la, String estab, String schoolName, Collection collection, int summerYear, int pupils,
            UnaryOperator<List<CtfPupil>> edit) {
        try {
            Path dir = Files.createTempDirectory("openreturns-fixture");
            SyntheticLa.generate(new GeneratorSettings("330", 1, pupils, AcademicYear.ofSummer(summerYear), 7, 0),
                    dir);
            String type = switch (collection) {
                case EYFSP -> "_FSP_";
                case PHONICS -> "_PHO_";
                case KS1 -> "_KS1_";
                case KS2_TA -> "_KS2_";
                case MTC -> "_CTF_";
            };
            Path file;
            try (var files = Files.list(dir)) {
                file = files.filter(p -> p.getFileName().toString().contains(type)).findFirst().orElseThrow();
            }
            List<CtfPupil> list = new ArrayList<>();
            CtfHeader original;
            try (CtfStream in = new CtfReader().open(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                original = in.header();
                CtfPupil p;
                while ((p = in.next()) != null) {
                    list.add(p);
                }
            }
            CtfHeader header = new CtfHeader(CtfWriter.versionFor(summerYear - 1), original.dateTime(),
                    original.documentQualifier(), original.supplierId(), la, estab, null, schoolName,
                    Integer.toString(summerYear - 1), la, "LLLL");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CtfWriter writer = CtfWriter.open(out, header)) {
                edit.apply(list).forEach(writer::write);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CtfReadException e) {
            throw new AssertionError(e);
        }
    }

    /** The pupil with no surname: an error every collection's rules report. */
    static List<CtfPupil> withError(List<CtfPupil> pupils) {
        List<CtfPupil> copy = new ArrayList<>(pupils);
        CtfPupil p = copy.get(0);
        copy.set(0, new CtfPupil(p.upn(), null, p.forename(), p.dob(), p.sex(), p.ncYearActual(), p.assessments(),
                p.line()));
        return copy;
    }

    /** A pupil born three years early for the year group: a query to explain, not an error. */
    static List<CtfPupil> withQuery(List<CtfPupil> pupils) {
        List<CtfPupil> copy = new ArrayList<>(pupils);
        CtfPupil p = copy.get(1);
        copy.set(1, new CtfPupil(p.upn(), p.surname(), p.forename(), LocalDate.parse(p.dob()).minusYears(3)
                .toString(), p.sex(), p.ncYearActual(), p.assessments(), p.line()));
        return copy;
    }

    static String upnOfQueryPupil(byte[] ctf) {
        String text = new String(ctf, java.nio.charset.StandardCharsets.UTF_8);
        int second = text.indexOf("<UPN>", text.indexOf("<UPN>") + 1);
        return text.substring(second + 5, text.indexOf("</UPN>", second));
    }

    static void assertSha(String sha, byte[] content) {
        assertThat(sha).isEqualTo(SubmissionIntake.sha256(content)).hasSize(64);
    }
}
