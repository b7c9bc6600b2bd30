package io.escalera.kpi.internal;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Minute histograms of periods that have ended, kept a few minutes: they are the heaviest read of a board (a year holds
 * hundreds of thousands of distinct case minutes) and change only when their days are rebuilt (which clears them).
 */
@Component
class ClosedPeriodHistograms {

    static final Duration CLOSED_PERIOD_CACHE = Duration.ofMinutes(10);
    private static final int MOST_KEPT = 500;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Kept(Map<String, TreeMap<Long, Long>> histograms, Instant until) {
    }

    ClosedPeriodHistograms(Clock clock) {
        this.clock = clock;
    }

    /** The histograms kept under the key, or those read now (then kept) when there are none or they are too old. */
    Map<String, TreeMap<Long, Long>> get(String key, Supplier<Map<String, TreeMap<Long, Long>>> read) {
        Instant now = clock.instant();
        Kept cached = kept.get(key);
        if (cached == null || cached.until().isBefore(now)) {
            if (kept.size() > MOST_KEPT) {
                kept.clear();
            }
            cached = new Kept(read.get(), now.plus(CLOSED_PERIOD_CACHE));
            kept.put(key, cached);
        }
        return cached.histograms();
    }

    void clear() {
        kept.clear();
    }
}
