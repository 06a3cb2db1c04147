package org.openreturns.server.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An external PostgreSQL ({@code SPRING_DATASOURCE_URL}): Spring Boot's own DataSource, and never demo data. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class ExternalDatabaseConfiguration {

    @Bean
    DatabaseMode databaseMode() {
        return new DatabaseMode(false);
    }
}
