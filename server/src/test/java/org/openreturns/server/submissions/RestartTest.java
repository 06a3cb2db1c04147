package org.openreturns.server.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.server.testing.Eventually.await;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.OpenReturnsApplication;
import org.openreturns.server.identity.Actor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openreturns.server.testing.Ctf;

/**
 * The whole service stopped with an upload's check in progress, then started again on the same data: the check is
 * taken up again and completes, and the receipt and file are still there.
 */
class RestartTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext start(int workers) {
        // As arguments, not builder properties: those are only defaults, and application.properties' port wins.
        return new SpringApplicationBuilder(OpenReturnsApplication.class)
                .run("--openreturns.data-dir=" + dataDir, "--server.port=0", "--openreturns.jobs.workers=" + workers);
    }

    @Test
    void aCheckInterruptedByAShutdownCompletesAfterTheRestart() throws Exception {
        byte[] ctf = Ctf.of("330", "2001", "Oakfield Primary School", Collection.KS2_TA, 2026, 30, p -> p);
        long submissionId;
        String sha;
        try (ConfigurableApplicationContext first = start(0)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            long school = jdbc.sql("select id from school where la_code = '330' and estab = '2001'")
                    .query(Long.class).single();
            long collection = jdbc.sql("""
                insert into collection (kind, summer_year) values ('KS2_TA', 2026)
                on conflict (kind, summer_year) do update set kind = excluded.kind returning id""")
                    .query(Long.class).single();
            long request = jdbc.sql("""
                    insert into file_request (collection_id, school_id, title, deadline)
                    values (:c, :s, 'KS2', :d)
                on conflict (collection_id, school_id) do update set status = 'NOT_STARTED' returning id""")
                    .param("c", collection).param("s", school).param("d", LocalDate.of(2026, 6, 30))
                    .query(Long.class).single();
            Receipt receipt = first.getBean(SubmissionIntake.class).receive(Actor.system("restart test"), request,
                    List.of(new UploadedFile("ks2.xml", ctf)), null);
            submissionId = receipt.submissionId();
            sha = receipt.files().get(0).sha256();
            // A worker of this process had claimed the job and was checking it when the service went down.
            jdbc.sql("""
                    update job set status = 'RUNNING', attempts = 1, locked_by = :me, locked_at = now()
                    where kind = 'check-submission' and payload_id = :id""")
                    .param("me", InetAddress.getLocalHost().getHostName() + "/first-process:1")
                    .param("id", submissionId).update();
            jdbc.sql("update submission set status = 'CHECKING' where id = :id").param("id", submissionId).update();
        }

        try (ConfigurableApplicationContext second = start(2)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            String status = await("the submission checked by the second process").until(() -> jdbc
                    .sql("select status from submission where id = :id").param("id", submissionId)
                    .query(String.class).single(), s -> !s.equals("CHECKING") && !s.equals("RECEIVED"));
            assertThat(status).isEqualTo("CHECKED");
            // The worker marks its job done just after the check's own transaction commits.
            String job = await("the check's job finished").until(() -> jdbc
                    .sql("select status from job where kind = 'check-submission' and payload_id = :id")
                    .param("id", submissionId).query(String.class).single(), s -> !s.equals("RUNNING"));
            assertThat(job).isEqualTo("DONE");
            assertThat(jdbc.sql("select sha256 from submission_file where submission_id = :id")
                    .param("id", submissionId).query(String.class).single()).isEqualTo(sha);
            assertThat(jdbc.sql("select pupils from submission where id = :id").param("id", submissionId)
                    .query(Integer.class).single()).isPositive();
        }
    }
}
