package io.escalera.shared.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener of the tests' own event that fails as many times as its probe asks, then succeeds (EventRedeliveryTest).
 * It counts the calls per probe.
 */
@Component
public class FlakyListener {

    /** A test event: the listener fails {@code failures} times for it, then completes. */
    public record Probe(String id, int failures) {
    }

    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    @ApplicationModuleListener
    void on(Probe probe) {
        int call = calls.merge(probe.id(), 1, Integer::sum);
        if (call <= probe.failures()) {
            throw new IllegalStateException("probe " + probe.id() + " fails at call " + call + " (on purpose)");
        }
    }

    int calls(String id) {
        return calls.getOrDefault(id, 0);
    }
}
