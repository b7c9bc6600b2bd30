package io.escalera.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The accounts' session stamps as the {@link AccountSessionGuard} checks them, kept in memory so that a signed-in
 * user's request needs no database connection. A change made on this node (disabled, new role, unit, all-units right
 * or password) forgets the account's entry when its transaction commits, so its sessions here end at their very next
 * request; a change made on another node is seen here once the entry is older than
 * {@code escalera.security.account-check-ttl} (5 s by default): that is how long another node's sessions may outlive it.
 * <p>
 * When an entry is too old, the request that finds it reads again every account this node has seen in the last hour,
 * in one statement, while requests of other accounts with old entries wait for that read instead of each taking a
 * connection of its own (issue 30: at 300 users, one read per account and TTL still queued on the pool).
 */
@Component
public class AccountStates {

    private static final long FORGOTTEN_AFTER_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final int IDS_PER_STATEMENT = 1000;

    /** The stamp of an enabled account, or none (disabled or deleted), when it was read, and when last asked for. */
    private static final class Entry {
        private final Optional<Integer> stamp;
        private final long readAt;
        private volatile long askedAt;

        private Entry(Optional<Integer> stamp, long readAt, long askedAt) {
            this.stamp = stamp;
            this.readAt = readAt;
            this.askedAt = askedAt;
        }
    }

    private final JdbcClient jdbc;
    private final long ttlNanos;
    private final ConcurrentMap<Long, Entry> entries = new ConcurrentHashMap<>();
    /** One read of the accounts at a time; the others wait for it. */
    private final ReentrantLock reading = new ReentrantLock();
    /** Guards {@link #changes} with the entries stored by a read: a read that a change overtook is not kept. */
    private final Object storing = new Object();
    private long changes;

    AccountStates(JdbcClient jdbc, @Value("${escalera.security.account-check-ttl:PT5S}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    /** The session stamp of the account if it is enabled: from memory when read less than the TTL ago. */
    Optional<Integer> stampOfEnabled(long accountId) {
        Entry entry = fresh(accountId);
        if (entry != null) {
            return entry.stamp;
        }
        readAll(accountId);
        entry = fresh(accountId);
        if (entry != null) {
            return entry.stamp;
        }
        // the read was overtaken by a change of some account: read this one alone, and keep nothing
        return jdbc.sql("SELECT session_stamp FROM app_user WHERE id = ? AND enabled = TRUE")
                .param(accountId).query(Integer.class).optional();
    }

    private Entry fresh(long accountId) {
        Entry entry = entries.get(accountId);
        long now = System.nanoTime();
        if (entry != null && now - entry.readAt < ttlNanos) {
            entry.askedAt = now;
            return entry;
        }
        return null;
    }

    /** Reads the account and every other one asked for in the last hour, unless another request just did. */
    private void readAll(long accountId) {
        reading.lock();
        try {
            if (fresh(accountId) != null) {
                return;
            }
            long startedAt = System.nanoTime();
            List<Long> ids = new ArrayList<>();
            ids.add(accountId);
            entries.forEach((id, entry) -> {
                if (id != accountId && startedAt - entry.askedAt < FORGOTTEN_AFTER_NANOS) {
                    ids.add(id);
                }
            });
            long changesBefore;
            synchronized (storing) {
                changesBefore = changes;
            }
            Map<Long, Integer> stamps = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
                jdbc.sql("SELECT id, session_stamp FROM app_user WHERE enabled = TRUE AND id IN (:ids)").param("ids", chunk)
                        .query((rs, n) -> stamps.put(rs.getLong(1), rs.getInt(2))).list();
            }
            synchronized (storing) {
                if (changes != changesBefore) {
                    return;
                }
                entries.keySet().retainAll(ids);
                for (Long id : ids) {
                    Entry previous = entries.get(id);
                    long askedAt = previous == null ? startedAt : previous.askedAt;
                    entries.put(id, new Entry(Optional.ofNullable(stamps.get(id)), startedAt, askedAt));
                }
            }
        } finally {
            reading.unlock();
        }
    }

    /**
     * The account changed in the current transaction: its entry is forgotten when the change is committed (and at once,
     * so that no read before the commit is kept), so that the next request of each of its sessions reads it again.
     */
    public void changed(long accountId) {
        forget(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(accountId);
                }
            });
        }
    }

    private void forget(long accountId) {
        synchronized (storing) {
            changes++;
            entries.remove(accountId);
        }
    }
}
