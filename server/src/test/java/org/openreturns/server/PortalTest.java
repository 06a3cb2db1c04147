package org.openreturns.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole service on a real (embedded) PostgreSQL with the demo data. Every class with this annotation
 * shares one running service and database per test run (Spring's context cache keeps it while the configuration is
 * identical, so a class must not add properties, mocked beans or {@code @DirtiesContext}), so tests must not depend
 * on what others leave behind: make your own schools, requests and users with {@code testing.Fixtures}, or use the
 * demo ones without counting rows globally. The service listens on a random port as well as answering MockMvc, so
 * the browser journeys share it too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PortalTest.SharedDataDir.class)
public @interface PortalTest {

    /** One fresh data directory per test JVM, so a run never sees an earlier run's database. */
    class SharedDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final Path DIR;

        static {
            try {
                DIR = Files.createTempDirectory("openreturns-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portalTest",
                    java.util.Map.of("openreturns.data-dir", DIR.toString())));
        }
    }
}
