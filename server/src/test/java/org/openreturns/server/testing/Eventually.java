package org.openreturns.server.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way tests wait for background work (checks, jobs, mail): Awaitility, polling often and giving up only
 * after a minute, because the machine running the tests is small and shared and a slow run must not fail a test.
 * A wait ends as soon as its condition holds, so the long limit costs nothing when all is well.
 */
public final class Eventually {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Eventually() {
    }

    /** Waits for {@code what}, named so that a timeout says what never happened. */
    public static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
    }
}
