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
}
