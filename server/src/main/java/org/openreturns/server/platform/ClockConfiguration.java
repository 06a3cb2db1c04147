package org.openreturns.server.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is a bean, in the LA's time zone, so that deadlines are English dates and tests can stop the clock. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Bean
    Clock clock() {
        return Clock.system(LONDON);
    }
}
