package io.escalera.exchange;

import io.escalera.admin.UnitKind;
import io.escalera.exchange.internal.ImportLimits;
import io.escalera.exchange.internal.ImportRunner;
import io.escalera.exchange.internal.ImportStore;
import io.escalera.exchange.internal.ImportTarget;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import limits as a manager meets them: a file too large is not kept, a broken file fails its check with its line. */
@EscaleraTest
class ImportLimitsTest {

    @Autowired Imports imports;
    @Autowired ImportStore store;
    @Autowired ImportRunner runner;
    @Autowired ImportTarget.Targets targets;
    @Autowired SignedInUsers signedIn;
    @Autowired Clock clock;
    @Autowired TestUsers testUsers;
    @Value("${escalera.import.directory}") String directory;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signInAsManager() {
        testUsers.signIn(testUsers.newUserIn(Role.MANAGER, testUsers.newUnit(UnitKind.STORE)));
    }

    private java.util.Set<Path> filesKept() throws Exception {
        Files.createDirectories(Path.of(directory));
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            return files.collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedAndNothingOfItIsKept() throws Exception {
        signInAsManager();
        Imports limited = new Imports(store, runner, targets, signedIn, clock, directory,
                new ImportLimits(DataSize.ofMegabytes(1), 5_000_000));
        byte[] file = ("id\n" + "O-1\n".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(1 << 20);
        java.util.Set<Path> before = filesKept();

        assertThatThrownBy(() -> limited.upload(ImportKind.ORDERS, "big.csv", new ByteArrayInputStream(file)))
                .isInstanceOfSatisfying(ImportFileRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.too-large");
                    assertThat(e.args()).containsExactly(1L);
                });
        assertThat(filesKept()).as("no new file (other tests' files may have gone meanwhile)").isSubsetOf(before);
        assertThat(imports.maxUploadBytes()).as("the default").isEqualTo(200L << 20);
    }

    @Test
    void aFileWithAQuoteNeverClosedFailsItsCheckWithTheLineWhereTheQuoteOpened() throws Exception {
        signInAsManager();
        String csv = "order id,customer code,order date,unit code,gross amount\n"
                + "IMP-Q1,C-1,2026-03-05,U-1,10\n"
                + "IMP-Q2,\"C-2,2026-03-05,U-1,10\n"
                + "IMP-Q3,C-3,2026-03-05,U-1,10\n";
        ImportJob job = imports.upload(ImportKind.ORDERS, "quote.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        ImportLayout layout = imports.layout(job.id());
        assertThat(layout.sample()).as("the sample ends before the refused line").hasSize(1);

        imports.check(job.id(), layout.mapping());

        ImportJob failed = await(job.id());
        assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(failed.error()).isEqualTo("import.file.quote-not-closed|3|32767");
        assertThat(ImportFileRefusedException.parseStored(failed.error())).containsExactly("import.file.quote-not-closed", "3", "32767");
        imports.discard(job.id());
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
}
