package io.escalera.exchange;

import io.escalera.admin.UnitKind;
import io.escalera.customer.CustomerDetails;
import io.escalera.exchange.internal.ImportRunner;
import io.escalera.exchange.internal.ImportStore;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.shared.ActionRefusedException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every status change of an import is conditional on the status it expects: a discard (or another node that took the
 * import for abandoned) and the end of a running commit or check never overwrite one another silently.
 */
@EscaleraTest
class ImportStatusRaceTest {

    @Autowired Imports imports;
    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired JdbcClient jdbc;

    private String unitCode;
    private CustomerDetails customer;

    @BeforeEach
    void aManagerWithACustomer() {
        long unit = testUsers.newUnit(UnitKind.STORE);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, unit);
        unitCode = testUsers.unitCode(unit);
        customer = testCustomers.newCustomer(unit);
        testUsers.signIn(manager);
    }

    @AfterEach
    void signOutOnceTheFactsCaughtUp() throws InterruptedException {
        for (String module : List.of("io.escalera.loyalty", "io.escalera.value", "io.escalera.kpi")) {
            io.escalera.support.AfterCommitListeners.await(jdbc, module);
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDiscardThatComesWhileTheCommitRunsWinsAndNothingOfTheFileIsWritten() throws Exception {
        String order = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        ImportJob checked = checkedImportOf(order);
        // the commit has started (COMMITTING) ...
        jdbc.sql("UPDATE import_job SET status = 'COMMITTING' WHERE id = ?").param(checked.id()).update();
        ImportJob committing = imports.job(checked.id());
        // ... another node took it for abandoned and marked it failed, and the manager discarded it, before the
        // commit's transaction ended
        jdbc.sql("UPDATE import_job SET status = 'DISCARDED' WHERE id = ?").param(checked.id()).update();

        runner.startCommit(committing);
        ImportJob after = awaitNoted(checked.id());

        assertThat(after.status()).as("the discard stays").isEqualTo(ImportJob.Status.DISCARDED);
        assertThat(after.error()).isEqualTo("import.dropped.committing");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE external_id = ?").param(order).query(Long.class).single())
                .as("the commit was rolled back").isZero();
    }

    @Test
    void aCommitThatEndedFirstWinsAndALaterDiscardIsRefused() throws Exception {
        String order = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        ImportJob checked = checkedImportOf(order);
        imports.commit(checked.id());
        ImportJob done = await(checked.id());
        assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);

        assertThatThrownBy(() -> imports.discard(checked.id())).isInstanceOf(ActionRefusedException.class);
        assertThat(imports.job(checked.id()).status()).isEqualTo(ImportJob.Status.DONE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE external_id = ?").param(order).query(Long.class).single()).isOne();
    }

    @Test
    void aCheckThatEndsAfterTheImportWasDiscardedLeavesItDiscarded() throws Exception {
        String order = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        ImportJob uploaded = upload(order);
        jdbc.sql("UPDATE import_job SET status = 'CHECKING', mapping = ? WHERE id = ?")
                .params(mappingText(uploaded.id()), uploaded.id()).update();
        ImportJob checking = imports.job(uploaded.id());
        jdbc.sql("UPDATE import_job SET status = 'DISCARDED' WHERE id = ?").param(uploaded.id()).update();

        runner.startCheck(checking, imports.layout(uploaded.id()).mapping());
        ImportJob after = awaitNoted(uploaded.id());

        assertThat(after.status()).isEqualTo(ImportJob.Status.DISCARDED);
        assertThat(after.error()).isEqualTo("import.dropped.checking");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM order_import_row WHERE import_id = ?").param(uploaded.id()).query(Long.class).single())
                .as("no staged rows left behind").isZero();
    }

    @Test
    void theAbandonedSweepSparesAnImportThatJustBeatAndTheBeatRevivesNoStoppedImport() {
        ImportJob job = upload("RACE-" + UUID.randomUUID().toString().substring(0, 8));
        jdbc.sql("UPDATE import_job SET status = 'COMMITTING', heartbeat_at = NOW(3) - INTERVAL 10 MINUTE WHERE id = ?")
                .param(job.id()).update();
        store.heartbeat(List.of(job.id()));
        runner.failAbandonedJobs();
        assertThat(imports.job(job.id()).status()).as("it beat just now").isEqualTo(ImportJob.Status.COMMITTING);

        jdbc.sql("UPDATE import_job SET status = 'FAILED', heartbeat_at = NOW(3) - INTERVAL 10 MINUTE WHERE id = ?")
                .param(job.id()).update();
        store.heartbeat(List.of(job.id()));
        assertThat(jdbc.sql("SELECT heartbeat_at < NOW(3) - INTERVAL 5 MINUTE FROM import_job WHERE id = ?").param(job.id())
                .query(Boolean.class).single()).as("a stopped import's heartbeat is not touched").isTrue();
        assertThat(store.failed(job.id(), "late failure", java.time.Instant.now())).as("only a running job can fail").isFalse();
        jdbc.sql("UPDATE import_job SET status = 'DISCARDED' WHERE id = ?").param(job.id()).update();
    }

    private ImportJob upload(String order) {
        String csv = "order id,customer,date,channel,unit,amount\n"
                + order + "," + customer.externalCode() + ",2026-03-05,WEB," + unitCode + ",12.50\n";
        return imports.upload(ImportKind.ORDERS, "race.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private ImportJob checkedImportOf(String order) throws InterruptedException {
        ImportJob job = upload(order);
        imports.check(job.id(), imports.layout(job.id()).mapping());
        ImportJob checked = await(job.id());
        assertThat(checked.status()).as(checked.error()).isEqualTo(ImportJob.Status.CHECKED);
        assertThat(checked.good()).isOne();
        return checked;
    }

    private String mappingText(long jobId) {
        StringBuilder text = new StringBuilder();
        imports.layout(jobId).mapping().forEach((field, header) -> text.append(text.isEmpty() ? "" : "\n").append(field).append('=').append(header));
        return text.toString();
    }

    private ImportJob await(long jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportJob job = imports.job(jobId);
            if (!job.status().running()) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + jobId + " did not finish");
    }

    /** Until the runner has finished with a job someone else moved: it notes why, or (before the fix) overwrote it. */
    private ImportJob awaitNoted(long jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportJob job = imports.job(jobId);
            if (job.error() != null || job.status() != ImportJob.Status.DISCARDED) {
                Thread.sleep(200); // the runner may still be removing staged rows
                return imports.job(jobId);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + jobId + " was not finished by the runner");
    }
}
