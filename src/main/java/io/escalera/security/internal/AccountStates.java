package io.escalera.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounts' session stamps as the {@link AccountSessionGuard} checks them, kept in memory so that a signed-in
 * user's request needs no database connection. A change made on this node (disabled, new role, unit, all-units right
 * or password) forgets the account's entry when its transaction commits, so its sessions here end at their very next
 * request; a change made on another node is seen here once the entry is older than
 * {@code escalera.security.account-check-ttl} (5 s by default): that is how long another node's sessions may outlive it.
 */
@Component
public class AccountStates {

    /** The stamp of an enabled account, or none (disabled or deleted), and when it was read (System.nanoTime). */
    private record Entry(Optional<Integer> stamp, long readAt) {
    }

    private final JdbcClient jdbc;
    private final long ttlNanos;
    private final ConcurrentMap<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Moved on by every change: a read that a change overtook is not kept (it may hold the value before the change). */
    private final AtomicLong changes = new AtomicLong();

    AccountStates(JdbcClient jdbc, @Value("${escalera.security.account-check-ttl:PT5S}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    /** The session stamp of the account if it is enabled: from memory when read less than the TTL ago. */
    Optional<Integer> stampOfEnabled(long accountId) {
        long now = System.nanoTime();
        Entry entry = entries.get(accountId);
        if (entry != null && now - entry.readAt() < ttlNanos) {
            return entry.stamp();
        }
        long changesBefore = changes.get();
        Optional<Integer> stamp = jdbc.sql("SELECT session_stamp FROM app_user WHERE id = ? AND enabled = TRUE")
                .param(accountId).query(Integer.class).optional();
        if (changes.get() == changesBefore) {
            entries.put(accountId, new Entry(stamp, now));
        }
        return stamp;
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
        changes.incrementAndGet();
        entries.remove(accountId);
    }
}
