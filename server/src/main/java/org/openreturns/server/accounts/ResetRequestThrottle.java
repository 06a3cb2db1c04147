package org.openreturns.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits reset requests from one address, so the reset form cannot be used to mail-bomb people or to probe for
 * accounts at speed. Held in memory: each instance limits on its own, which still bounds the rate.
 */
@Component
class ResetRequestThrottle {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Clock clock;

    ResetRequestThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Counts a request from this address; false when it is over the limit. */
    boolean allow(String remoteAddress) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        recent.values().removeIf(times -> {
            synchronized (times) {
                return times.isEmpty() || times.peekLast().isBefore(since);
            }
        });
        Deque<Instant> times = recent.computeIfAbsent(remoteAddress, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            if (times.size() >= LIMIT) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
