package org.openreturns.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.server.OpenReturnsApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pointed at a PostgreSQL server of the LA's own (here one started beside the test, as an LA's would run), the
 * service builds its schema there with Flyway, starts no database of its own and seeds no demo data; the
 * first LA administrator comes from the settings.
 */
class ExternalDatabaseTest {

    static EmbeddedPostgres server;

    @BeforeAll
    static void startTheLasServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopIt() throws Exception {
        server.close();
    }

    @Test
    void theSchemaIsBuiltOnTheExternalServerWithTheFirstAdministratorAndNoDemoData(@TempDir Path dataDir) {
        String url = server.getJdbcUrl("postgres", "postgres");
        try (ConfigurableApplicationContext context = SpringApplication.run(OpenReturnsApplication.class,
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--server.port=0",
                "--openreturns.data-dir=" + dataDir, "--openreturns.first-admin.email=it@la.example",
                "--openreturns.first-admin.password=correct horse battery")) {
            assertThat(context.getBean(DatabaseMode.class).embedded()).isFalse();
            JdbcClient db = JdbcClient.create(server.getPostgresDatabase());
            assertThat(db.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                    .isPositive();
            assertThat(db.sql("select count(*) from school").query(Long.class).single()).isZero();
            assertThat(db.sql("select email from app_user where role = 'LA_ADMIN'").query(String.class).list())
                    .as("only the first administrator the settings name").containsExactly("it@la.example");
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }
}
