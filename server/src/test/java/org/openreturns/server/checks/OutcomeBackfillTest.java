package org.openreturns.server.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SchoolIdentity;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A version checked before the check stored pupil outcomes (listed by migration V9) is checked again once at
 * start-up, and then has its outcomes; its findings and counts are as before.
 */
@PortalTest
class OutcomeBackfillTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    OutcomeBackfill backfill;

    @Test
    void aVersionCheckedBeforeOutcomesWereStoredIsCheckedAgainAndCountsAgain() throws Exception {
        long submission = uploadedAndChecked(12);
        int findings = count("finding", submission);
        jdbc.sql("delete from pupil_outcome where submission_id = :s").param("s", submission).update();
        jdbc.sql("insert into outcome_backfill (submission_id) values (:s)").param("s", submission).update();

        backfill.recheckVersionsWithoutOutcomes();

        assertThat(jdbc.sql("select count(*) from outcome_backfill where submission_id = :s")
                .param("s", submission).query(Integer.class).single()).as("queued once").isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("pupil_outcome", submission) == 12);
        assertThat(count("pupil_result", submission)).isEqualTo(12);
        assertThat(count("finding", submission)).isEqualTo(findings);
        assertThat(jdbc.sql("select status from submission where id = :s").param("s", submission)
                .query(String.class).single()).isEqualTo("CHECKED");
    }

    @Test
    void withNothingListedNothingIsQueued() {
        int jobs = jdbc.sql("select count(*) from job").query(Integer.class).single();
        backfill.recheckVersionsWithoutOutcomes();
        assertThat(jdbc.sql("select count(*) from job").query(Integer.class).single()).isEqualTo(jobs);
    }

    private int count(String table, long submission) {
        return jdbc.sql("select count(*) from " + table + " where submission_id = :s").param("s", submission)
                .query(Integer.class).single();
    }

    /** A school of its own in a collection of its own, whose generated MTC return was uploaded and checked. */
    private long uploadedAndChecked(int pupils) throws Exception {
        Long collection = null;
        int year = 0;
        while (collection == null) {
            year = ThreadLocalRandom.current().nextInt(Fixtures.OWN_KIND_FROM, Fixtures.LAST_YEAR + 1);
            collection = jdbc.sql("""
                    insert into collection (kind, summer_year) values ('MTC', :year)
                    on conflict do nothing returning id""")
                    .param("year", year).query(Long.class).optional().orElse(null);
        }
        Long school = null;
        String estab = null;
        String name = null;
        while (school == null) {
            estab = Integer.toString(ThreadLocalRandom.current().nextInt(5000, 9999));
            name = "Backfill Primary " + estab;
            school = jdbc.sql("""
                    insert into school (la_code, estab, name) values ('330', :estab, :name)
                    on conflict do nothing returning id""")
                    .param("estab", estab).param("name", name).query(Long.class).optional().orElse(null);
        }
        jdbc.sql("insert into collection_school (collection_id, school_id) values (:c, :s)")
                .param("c", collection).param("s", school).update();
        long request = jdbc.sql("""
                insert into file_request (collection_id, school_id, title, deadline)
                values (:c, :s, 'Backfill test', :deadline) returning id""")
                .param("c", collection).param("s", school).param("deadline", LocalDate.of(year, 6, 30))
                .query(Long.class).single();
        SchoolIdentity identity = new SchoolIdentity("330", estab, null, name);
        Path dir = Files.createTempDirectory("openreturns-backfill-test");
        SyntheticLa.generate(GeneratorSettings.defaults().withYear(AcademicYear.ofSummer(year))
                .withPupilsPerSchool(pupils).withSeed(91), List.of(identity), dir);
        String file = SyntheticLa.fileName(identity, Collection.MTC);
        long submission = intake.receive(Actor.system("backfill test"), request,
                List.of(new UploadedFile(file, Files.readAllBytes(dir.resolve(file)))), null).submissionId();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select status from submission where id = :s")
                .param("s", submission).query(String.class).single().equals("CHECKED"));
        assertThat(count("pupil_outcome", submission)).isEqualTo(pupils);
        return submission;
    }
}
