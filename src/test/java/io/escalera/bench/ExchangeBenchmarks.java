package io.escalera.bench;

import io.escalera.customer.OrderFilter;
import io.escalera.customer.OrderExport;
import io.escalera.exchange.ImportJob;
import io.escalera.exchange.ImportKind;
import io.escalera.exchange.Imports;
import io.escalera.kpi.KpiRebuilds;
import io.escalera.security.SystemUser;
import io.escalera.shared.TableWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data in and out at scale: a 1,000,000-row order file imported (upload, dry run, commit) into the benchmark database
 * of 1 M customers / 10 M orders and imported again (nothing changes); the orders of a year exported as CSV and XLSX,
 * streamed. The imported orders are deleted afterwards; the KPI facts of their month are rebuilt.
 */
@BenchmarkDatabase
class ExchangeBenchmarks {

    private static final int ROWS = Integer.getInteger("bench.import.rows", 1_000_000);
    private static final LocalDate MONTH = LocalDate.of(2024, 1, 1);
    private static final LocalDate YEAR = LocalDate.of(2024, 1, 1);

    @Autowired Imports imports;
    @Autowired OrderExport exports;
    @Autowired KpiRebuilds kpis;
    @Autowired JdbcClient jdbc;

    private final BenchmarkTable table = new BenchmarkTable("Import");

    @Test
    void importOfAMillionOrders() throws Exception {
        deleteImportedOrders();
        Path file = Files.createTempFile("orders-import", ".csv");
        try {
            writeFile(file);
            table.note(String.format(Locale.ROOT, "file: %,d order rows for existing customers, %,.0f MB, comma-separated UTF-8",
                    ROWS, Files.size(file) / 1e6));

            long started = System.nanoTime();
            ImportJob job = upload(file);
            long uploaded = System.nanoTime();
            SystemUser.run(() -> imports.check(job.id(), imports.layout(job.id()).mapping()));
            ImportJob checked = await(job.id(), ImportJob.Status.CHECKED);
            long dryRun = System.nanoTime();
            assertThat(checked.created()).isEqualTo(ROWS);
            SystemUser.run(() -> imports.commit(job.id()));
            await(job.id(), ImportJob.Status.DONE);
            long committed = System.nanoTime();
            double total = (committed - started) / 1e9;
            table.add(String.format(Locale.ROOT, "import of %,d new orders: upload %.1f s + dry run %.1f s + commit %.1f s", ROWS,
                            (uploaded - started) / 1e9, (dryRun - uploaded) / 1e9, (committed - dryRun) / 1e9),
                    String.format(Locale.ROOT, "%,.0f rows/s (%.1f s)", ROWS / total, total), "≥ 50,000 rows/s", ROWS / total >= 50_000);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE external_id LIKE 'BIMP-%'").query(Long.class).single()).isEqualTo(ROWS);

            long catchUp = System.nanoTime();
            awaitQuiet();
            table.add("ladder, value and KPI facts caught up after the import (background)",
                    String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - catchUp) / 1e9), "—", true);

            long again = System.nanoTime();
            ImportJob second = upload(file);
            SystemUser.run(() -> imports.check(second.id(), imports.layout(second.id()).mapping()));
            ImportJob rechecked = await(second.id(), ImportJob.Status.CHECKED);
            double seconds = (System.nanoTime() - again) / 1e9;
            assertThat(rechecked.unchanged()).isEqualTo(ROWS);
            table.add(String.format(Locale.ROOT, "the same file again: upload + dry run (all %,d unchanged)", ROWS),
                    String.format(Locale.ROOT, "%,.0f rows/s (%.1f s)", ROWS / seconds, seconds), "≥ 50,000 rows/s", ROWS / seconds >= 50_000);
            SystemUser.run(() -> imports.discard(second.id()));

        } finally {
            Files.deleteIfExists(file);
            deleteImportedOrders();
            SystemUser.call(() -> kpis.rebuild(MONTH, MONTH.plusMonths(1).minusDays(1)));
            table.note("Afterwards the imported orders were deleted and the KPI facts of their month rebuilt; ladder stages and "
                    + "values keep the import's effect until the next recompute (their benchmarks recompute first).");
            table.printAndWrite("exchange-import.md");
        }
    }

    /** A year of orders (more than a million, so the XLSX goes on in a second sheet), as CSV and as XLSX. */
    @Test
    void exportOfAMillionOrders() throws Exception {
        BenchmarkTable exports = new BenchmarkTable("Export");
        OrderFilter year = new OrderFilter(YEAR, YEAR.plusYears(1).minusDays(1), null, null, false, false, false, true);
        for (TableWriter.Format format : List.of(TableWriter.Format.CSV, TableWriter.Format.XLSX)) {
            System.gc();
            long heapBefore = usedHeap();
            CountingStream out = new CountingStream();
            long exportStarted = System.nanoTime();
            long rows = SystemUser.call(() -> this.exports.write(year, format, out));
            double exportSeconds = (System.nanoTime() - exportStarted) / 1e9;
            exports.add(String.format(Locale.ROOT, "export of a year's %,d orders as %s, streamed (%,.0f MB written)", rows,
                            format, out.bytes / 1e6),
                    String.format(Locale.ROOT, "%.1f s (%,.0f rows/s); live heap grew %,d MB", exportSeconds, rows / exportSeconds,
                            Math.max(0, (out.peakHeap - heapBefore) / 1_000_000)), "1 M rows, not held in memory",
                    rows >= 1_000_000 && out.peakHeap - heapBefore < 512_000_000L);
        }
        exports.note("\"Heap grew\": the live heap (after a garbage collection) every 64 MB written, its peak minus the live heap before the export. An XLSX sheet holds 1,048,576 rows; the rest goes on in a second sheet.");
        exports.printAndWrite("exchange-export.md");
    }

    private void writeFile(Path file) throws Exception {
        List<String> customers = jdbc.sql("SELECT external_code FROM customer ORDER BY id LIMIT 1000000").query(String.class).list();
        List<String> units = jdbc.sql("SELECT code FROM unit WHERE kind = 'STORE' ORDER BY id").query(String.class).list();
        SplittableRandom random = new SplittableRandom(11);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Order id,Customer code,Order date,Channel,Unit,Gross amount,Discount,Returned amount,Categories\n");
            for (int i = 0; i < ROWS; i++) {
                int gross = 500 + random.nextInt(20_000);
                out.write("BIMP-" + i + "," + customers.get(random.nextInt(customers.size())) + ","
                        + MONTH.plusDays(random.nextInt(31)) + ",WEB," + units.get(random.nextInt(units.size())) + ","
                        + gross / 100 + "." + String.format("%02d", gross % 100) + "," + (random.nextInt(10) == 0 ? "5.00" : "0")
                        + ",0,books\n");
            }
        }
    }

    private ImportJob upload(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return SystemUser.call(() -> imports.upload(ImportKind.ORDERS, "orders.csv", in));
        }
    }

    private ImportJob await(long id, ImportJob.Status status) throws InterruptedException {
        while (true) {
            ImportJob job = SystemUser.call(() -> imports.job(id));
            if (!job.status().running()) {
                assertThat(job.status()).as(job.error()).isEqualTo(status);
                return job;
            }
            Thread.sleep(200);
        }
    }

    /** The value and KPI catch-up run after commit too; wait until no such statement runs any more. */
    private void awaitQuiet() throws InterruptedException {
        for (int quiet = 0; quiet < 3; ) {
            long busy = jdbc.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' AND ID <> CONNECTION_ID()")
                    .query(Long.class).single();
            quiet = busy == 0 ? quiet + 1 : 0;
            Thread.sleep(1_000);
        }
    }

    private void deleteImportedOrders() {
        while (jdbc.sql("DELETE FROM customer_order WHERE external_id LIKE 'BIMP-%' LIMIT 100000").update() > 0) {
            // in slices: one transaction of a million deletes would hold the undo log for minutes
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Counts what an export writes (and the heap it needs meanwhile) without keeping it. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long peakHeap;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            if ((bytes & 0x3FFFFFF) < len) {
                // every 64 MB: what the export holds, garbage collected first
                System.gc();
                peakHeap = Math.max(peakHeap, usedHeap());
            }
        }
    }
}
