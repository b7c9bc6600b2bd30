package io.escalera.shared.internal;

import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
class JdbcClusterJobsTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aJobRunsOnOneNodeAtATimeAndIsTakenOverWhenItsHoldersLockExpires() {
        String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
        // two nodes of the application on the same database
        JdbcClusterJobs nodeA = new JdbcClusterJobs(jdbc, transactions, "node-a");
        JdbcClusterJobs nodeB = new JdbcClusterJobs(jdbc, transactions, "node-b");
        List<String> ran = new ArrayList<>();

        boolean ranOnA = nodeA.runAlone(job, TEN_MINUTES, () -> {
            ran.add("a");
            ran.add(nodeB.runAlone(job, TEN_MINUTES, () -> ran.add("b while a runs")) ? "b ran" : "b skipped");
        });
        assertThat(ranOnA).isTrue();
        assertThat(ran).containsExactly("a", "b skipped");
        assertThat(nodeB.runAlone(job, TEN_MINUTES, () -> ran.add("b"))).as("freed when A is done").isTrue();

        // a node that stopped while holding the lock: the job waits until the lock expires, then B takes it over
        jdbc.sql("UPDATE job_lock SET locked_by = 'node-gone', locked_until = NOW(3) + INTERVAL 1 HOUR WHERE name = ?").param(job).update();
        assertThat(nodeB.runAlone(job, TEN_MINUTES, () -> ran.add("b too early"))).isFalse();
        jdbc.sql("UPDATE job_lock SET locked_until = NOW(3) - INTERVAL 1 SECOND WHERE name = ?").param(job).update();
        assertThat(nodeB.runAlone(job, TEN_MINUTES, () -> ran.add("b after expiry"))).isTrue();

        // a job that fails frees its lock too
        assertThatThrownBy(() -> nodeA.runAlone(job, TEN_MINUTES, () -> {
            throw new IllegalStateException("mail server down");
        })).hasMessage("mail server down");
        assertThat(nodeB.runAlone(job, TEN_MINUTES, () -> ran.add("b after a failure"))).isTrue();
        assertThat(ran).containsExactly("a", "b skipped", "b", "b after expiry", "b after a failure");
    }

    @Test
    void triggersThatWaitedForARunningJobRunItOnceAfterItAndNeverAlongsideIt() throws Exception {
        String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
        JdbcClusterJobs nodeA = new JdbcClusterJobs(jdbc, transactions, "node-a");
        JdbcClusterJobs nodeB = new JdbcClusterJobs(jdbc, transactions, "node-b");
        java.util.concurrent.CountDownLatch aRuns = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch aMayEnd = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger runsOnB = new java.util.concurrent.atomic.AtomicInteger();
        Runnable work = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var onA = pool.submit(() -> nodeA.runAlone(job, TEN_MINUTES, () -> {
                aRuns.countDown();
                work.run();
                try {
                    aMayEnd.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            aRuns.await();
            // three triggers on node B (an import, a rule save, a button) while A runs
            List<java.util.concurrent.Future<Boolean>> triggers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                triggers.add(pool.submit(() -> nodeB.runQueued(job, TEN_MINUTES, Duration.ofSeconds(30), true, () -> {
                    runsOnB.incrementAndGet();
                    work.run();
                })));
            }
            Thread.sleep(1_000);
            assertThat(runsOnB).as("nothing runs on B while A holds the job").hasValue(0);
            aMayEnd.countDown();
            assertThat(onA.get()).isTrue();
            long ran = 0;
            for (var trigger : triggers) {
                ran += trigger.get() ? 1 : 0;
            }
            assertThat(ran).as("one trigger ran the job; the others found that a run started after them had done it").isEqualTo(1);
            assertThat(runsOnB).hasValue(1);
            assertThat(mostAtOnce).as("runs at the same time").hasValue(1);
            // without coalescing (a rule save that reports what it changed), every trigger runs, one after the other
            assertThat(nodeB.runQueued(job, TEN_MINUTES, Duration.ofSeconds(30), false, work)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aQueuedRunGivesUpWithAClearRefusalWhenTheJobStaysLocked() {
        String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
        JdbcClusterJobs nodeB = new JdbcClusterJobs(jdbc, transactions, "node-b");
        jdbc.sql("INSERT INTO job_lock (name, locked_until, locked_by, locked_at) VALUES (?, NOW(3) + INTERVAL 1 HOUR, 'node-a#1', NOW(3))")
                .param(job).update();
        assertThatThrownBy(() -> nodeB.runQueued(job, TEN_MINUTES, Duration.ofMillis(700), true, () -> {
        })).isInstanceOf(io.escalera.shared.ActionRefusedException.class).hasMessage("job.busy");
    }

    @Test
    void aLockHeldByAKilledProcessOfThisHostIsFreedAtStart() throws Exception {
        String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        jdbc.sql("INSERT INTO job_lock (name, locked_until, locked_by, locked_at) VALUES (?, NOW(3) + INTERVAL 6 HOUR, ?, NOW(3))")
                .params(job, host + "/" + gone.pid() + "/deadbeef#7").update();
        // a live process of this host (this one, as another node of a test) keeps its lock
        jdbc.sql("INSERT INTO job_lock (name, locked_until, locked_by, locked_at) VALUES (?, NOW(3) + INTERVAL 6 HOUR, ?, NOW(3))")
                .params(other, host + "/" + ProcessHandle.current().parent().orElseThrow().pid() + "/cafebabe#1").update();

        JdbcClusterJobs restarted = new JdbcClusterJobs(jdbc, transactions);
        restarted.freeLocksOfDeadProcesses();

        List<String> ran = new ArrayList<>();
        assertThat(restarted.runAlone(job, TEN_MINUTES, () -> ran.add("after restart"))).isTrue();
        assertThat(restarted.runAlone(other, TEN_MINUTES, () -> ran.add("a live process's job"))).isFalse();
        assertThat(ran).containsExactly("after restart");
    }
}
