package io.escalera.shared.internal;

import io.escalera.security.SystemUser;
import io.escalera.shared.AuditLog;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 30: the settings are kept in memory (they were read from the database at every use, on hot paths). A save on
 * this node is seen at once, one on another node after the TTL; a transaction that saves sees its own change and
 * nobody sees it before the commit, or ever if it rolls back.
 */
@EscaleraTest
class JdbcSettingsCacheTest {

    @Autowired JdbcClient jdbc;
    @Autowired AuditLog auditLog;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aSettingIsReadFromMemoryASaveHereIsSeenAtOnceAndOneOnAnotherNodeAfterTheTtl() throws Exception {
        JdbcSettings node = new JdbcSettings(jdbc, auditLog, Duration.ofSeconds(3));
        String key = "test.cache." + UUID.randomUUID();
        save(node, key, "1");
        assertThat(node.find(key)).contains("1");

        anotherNodeSaves(key, "2");
        assertThat(node.find(key)).as("within the TTL: from memory").contains("1");
        assertThat(node.snapshot("test.cache.").find(key)).contains("1");

        save(node, key, "3");
        assertThat(node.find(key)).as("saved on this node: seen at once").contains("3");

        anotherNodeSaves(key, "4");
        Thread.sleep(3_100);
        assertThat(node.find(key)).as("after the TTL: read again").contains("4");
    }

    @Test
    void aTransactionThatSavesSeesItsChangeAndNobodyElseDoesBeforeTheCommitOrAfterARollback() {
        JdbcSettings node = new JdbcSettings(jdbc, auditLog, Duration.ofMinutes(10));
        String key = "test.cache." + UUID.randomUUID();
        save(node, key, "before");
        SystemUser.run(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            node.put(key, "inside");
            assertThat(node.find(key)).as("the saving transaction").contains("inside");
            assertThat(CompletableFuture.supplyAsync(() -> node.find(key)).join()).as("another thread, before the commit")
                    .contains("before");
            status.setRollbackOnly();
        }));
        assertThat(node.find(key)).as("after the rollback").contains("before");
    }

    private void save(JdbcSettings node, String key, String value) {
        SystemUser.run(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> node.put(key, value)));
    }

    private void anotherNodeSaves(String key, String value) {
        jdbc.sql("UPDATE app_setting SET setting_value = ? WHERE setting_key = ?").params(value, key).update();
    }
}
