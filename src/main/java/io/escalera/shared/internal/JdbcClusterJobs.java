package io.escalera.shared.internal;

import io.escalera.shared.ClusterJobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * A row per job in {@code job_lock}: a node takes it with one conditional UPDATE (only when free or expired), by the
 * database's clock, and frees it when the work ends. Taking and freeing each commit in a transaction of their own, so
 * the lock is visible to the other nodes while the work runs.
 */
@Component
class JdbcClusterJobs implements ClusterJobs {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final String node;

    @Autowired
    JdbcClusterJobs(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, thisNode());
    }

    JdbcClusterJobs(JdbcClient jdbc, PlatformTransactionManager transactions, String node) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = node;
    }

    @Override
    public boolean runAlone(String job, Duration atMost, Runnable work) {
        Integer taken = own.execute(status -> {
            jdbc.sql("INSERT IGNORE INTO job_lock (name, locked_until, locked_by) VALUES (?, NOW(3), '')").param(job).update();
            return jdbc.sql("""
                            UPDATE job_lock SET locked_by = ?, locked_at = NOW(3), locked_until = NOW(3) + INTERVAL ? SECOND
                            WHERE name = ? AND locked_until <= NOW(3)""")
                    .params(node, Math.max(1, atMost.toSeconds()), job).update();
        });
        if (taken == null || taken == 0) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            // only this node's lock: one taken over after atMost belongs to another node now
            own.executeWithoutResult(status -> jdbc.sql("UPDATE job_lock SET locked_until = NOW(3) WHERE name = ? AND locked_by = ?")
                    .params(job, node).update());
        }
    }

    /** Host, process and a random part: two instances on one host (or in one test) are different nodes. */
    private static String thisNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 100 ? id : id.substring(id.length() - 100);
    }
}
