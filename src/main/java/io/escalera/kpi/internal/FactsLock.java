package io.escalera.kpi.internal;

import org.springframework.stereotype.Component;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer of the facts at a time on this node: a rebuild (in its own transaction, held until it commits), or the
 * keeping of percentiles read from the facts — so that a percentile is never kept from facts a rebuild is replacing.
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
