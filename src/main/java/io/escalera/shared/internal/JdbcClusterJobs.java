package io.escalera.shared.internal;

import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ClusterJobs;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A row per job in {@code job_lock}: a run takes it with one conditional UPDATE (only when free or expired), by the
 * database's clock, and frees it when the work ends. Taking and freeing each commit in a transaction of their own, so
 * the lock is visible to the other nodes while the work runs.
 * <p>
 * A lock is taken for a short lease ({@link #LEASE}) that a keep-alive thread renews while the run goes on (up to the
 * job's {@code atMost}): a node killed in the middle of a run frees its jobs within a lease, not after hours. At start,
 * locks held by a process of this host that no longer runs (a killed earlier start of this node) are freed at once.
 */
@Component
class JdbcClusterJobs implements ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(JdbcClusterJobs.class);

    /** How long a lock outlives its node's last sign of life. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** How often a waiting trigger looks at the lock again. */
    static final Duration POLL = Duration.ofMillis(300);

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final String host;
    private final String node;
    private final AtomicLong runs = new AtomicLong();
    /** The runs of this node that hold a lock: holder → job and the last instant it may be renewed. */
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("job-lock-keep-alive").factory());

    private record Held(String job, long renewUntilNanos) {
    }

    @Autowired
    JdbcClusterJobs(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, null);
    }

    /** {@code node} names a node of a test (null: this process on this host). */
    JdbcClusterJobs(JdbcClient jdbc, PlatformTransactionManager transactions, String node) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.host = hostName();
        this.node = node != null ? node : thisNode(host);
        long every = LEASE.toMillis() / 3;
        keepAlive.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean runAlone(String job, Duration atMost, Runnable work) {
        String holder = take(job);
        if (holder == null) {
            return false;
        }
        run(job, holder, atMost, work);
        return true;
    }

    @Override
    public boolean runQueued(String job, Duration atMost, Duration maxWait, boolean coalesce, Runnable work) {
        Timestamp asked = jdbc.sql("SELECT NOW(3)").query(Timestamp.class).single();
        long giveUp = System.nanoTime() + maxWait.toNanos();
        while (true) {
            // the run that ended while this one waited may have done its work: looked at before taking the lock
            if (coalesce && jdbc.sql("SELECT COUNT(*) FROM job_lock WHERE name = ? AND completed_run_started_at > ?")
                    .params(job, asked).query(Long.class).single() > 0) {
                log.debug("{}: a run that started after this one was asked for has done it", job);
                return false;
            }
            String holder = take(job);
            if (holder != null) {
                run(job, holder, atMost, work);
                return true;
            }
            if (System.nanoTime() > giveUp) {
                throw new ActionRefusedException("job.busy", job);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ActionRefusedException("job.busy", job);
            }
        }
    }

    /** @return the holder name of the run that took the lock, or null when it is taken */
    private String take(String job) {
        String holder = node + "#" + runs.incrementAndGet();
        try {
            // the row first, committed on its own: an INSERT and the UPDATE in one transaction deadlock when several
            // triggers of a new job come at once
            own.executeWithoutResult(status -> jdbc.sql("INSERT IGNORE INTO job_lock (name, locked_until, locked_by) VALUES (?, NOW(3), '')")
                    .param(job).update());
            Integer taken = own.execute(status -> jdbc.sql("""
                            UPDATE job_lock SET locked_by = ?, locked_at = NOW(3), locked_until = NOW(3) + INTERVAL ? SECOND
                            WHERE name = ? AND locked_until <= NOW(3)""")
                    .params(holder, LEASE.toSeconds(), job).update());
            return taken == null || taken == 0 ? null : holder;
        } catch (PessimisticLockingFailureException e) {
            // another node took it at the same moment
            return null;
        }
    }

    private void run(String job, String holder, Duration atMost, Runnable work) {
        held.put(holder, new Held(job, System.nanoTime() + atMost.toNanos()));
        boolean completed = false;
        try {
            work.run();
            completed = true;
        } finally {
            held.remove(holder);
            boolean done = completed;
            // only this run's lock: one taken over after atMost belongs to another run now
            own.executeWithoutResult(status -> jdbc.sql("""
                            UPDATE job_lock SET locked_until = NOW(3),
                                completed_run_started_at = IF(?, locked_at, completed_run_started_at)
                            WHERE name = ? AND locked_by = ?""")
                    .params(done, job, holder).update());
        }
    }

    /** Renews the lease of every run going on here, until its job's atMost. */
    private void renew() {
        long now = System.nanoTime();
        held.forEach((holder, h) -> {
            if (now - h.renewUntilNanos() < 0) {
                try {
                    jdbc.sql("UPDATE job_lock SET locked_until = NOW(3) + INTERVAL ? SECOND WHERE name = ? AND locked_by = ?")
                            .params(LEASE.toSeconds(), h.job(), holder).update();
                } catch (RuntimeException e) {
                    log.warn("The lock of job {} could not be renewed (it lapses in {} s unless renewed): {}", h.job(),
                            LEASE.toSeconds(), e.getMessage());
                }
            }
        });
    }

    /**
     * Frees the locks held by a process of this host that no longer runs: an earlier start of this node, killed in
     * the middle of a job (its lease would free them too, a minute later). A holder on this host with this process's
     * id but another random part is such a start too (a container restarted with the same process id).
     */
    @EventListener(ApplicationStartedEvent.class)
    void freeLocksOfDeadProcesses() {
        String mine = host + "/";
        jdbc.sql("SELECT name, locked_by FROM job_lock WHERE locked_until > NOW(3) AND locked_by LIKE CONCAT(?, '%')")
                .param(mine).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(lock -> {
                    String holder = lock.getValue();
                    if (!holder.startsWith(node + "#") && processGone(holder.substring(mine.length()))) {
                        int freed = jdbc.sql("UPDATE job_lock SET locked_until = NOW(3) WHERE name = ? AND locked_by = ?")
                                .params(lock.getKey(), holder).update();
                        if (freed > 0) {
                            log.info("Job lock {} freed: it was held by {}, a process of this host that no longer runs",
                                    lock.getKey(), holder);
                        }
                    }
                });
    }

    /** {@code rest}: "pid/random#run" of a holder on this host. */
    private static boolean processGone(String rest) {
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(rest.substring(0, slash));
        } catch (NumberFormatException e) {
            return false;
        }
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
    }

    private static String hostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = "unknown-host";
        }
        return name.length() <= 60 ? name : name.substring(0, 60);
    }

    /** Host, process and a random part: two instances on one host (or in one test) are different nodes. */
    private static String thisNode(String host) {
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
