package org.openreturns.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OpenReturns portal: file requests, uploads checked at once, and the LA's live view of every school. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenReturnsApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenReturnsApplication.class, args);
    }
}
