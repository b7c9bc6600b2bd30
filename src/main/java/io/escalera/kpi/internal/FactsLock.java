package io.escalera.kpi.internal;

import org.springframework.stereotype.Component;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer of the facts at a time on this node: a rebuild (in its own transaction, held until it commits), or the
 * keeping of percentiles read from the facts. Across nodes the facts generation's row lock orders them (and keeps
 * stale percentiles out); within a node this lock does it without waiting on that row, whose lock wait would time out
 * during a full rebuild.
 */
@Component
public class FactsLock {

    private final ReentrantLock lock = new ReentrantLock();

    public <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
