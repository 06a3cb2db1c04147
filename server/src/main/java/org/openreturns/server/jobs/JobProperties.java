package org.openreturns.server.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The background workers: how many threads claim jobs ({@code workers}, 0 for none, as on an instance that only
 * serves pages), how often they look for work when nobody wakes them, after how long without a heartbeat a running
 * job counts as abandoned by a dead worker, and how many attempts a job gets.
 */
@ConfigurationProperties("openreturns.jobs")
public record JobProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("3") int maxAttempts) {
}
