package io.escalera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Collects benchmark results against their targets, prints them as a table and writes it to target/bench/ (the
 * tables of docs/benchmarks.md), with the machine's load average at the start and the end: on a shared build
 * machine a number measured under load says less than one measured on a quiet one.
 */
final class BenchmarkTable {

    record Row(String benchmark, String result, String target, boolean met) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private final String loadAtStart = loadAverage();

    BenchmarkTable(String title) {
        this.title = title;
    }

    /** The 1, 5 and 15 minute load averages (Linux), with the number of cores. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    void add(String benchmark, String result, String target, boolean met) {
        rows.add(new Row(benchmark, result, target, met));
    }

    /** Latencies in nanoseconds against a p95 target in milliseconds. */
    void latency(String benchmark, long[] nanos, double targetP95Millis) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = millis(sorted[sorted.length / 2]);
        double p95 = millis(sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
        double max = millis(sorted[sorted.length - 1]);
        add(benchmark + " (" + sorted.length + "×)", String.format(Locale.ROOT, "p50 %.1f ms · p95 %.1f ms · max %.1f ms", p50, p95, max),
                String.format(Locale.ROOT, "p95 ≤ %.0f ms", targetP95Millis), p95 <= targetP95Millis);
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n| benchmark | result | target | met |\n| --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(row.benchmark()).append(" | ").append(row.result()).append(" | ").append(row.target())
                    .append(" | ").append(row.met() ? "yes" : "**no**").append(" |\n");
        }
        out.append('\n');
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("- measured ").append(java.time.LocalDateTime.now().withNano(0)).append("; load average (1 / 5 / 15 min) at the start ")
                .append(loadAtStart).append(", at the end ").append(loadAverage()).append('\n');
        return out.toString();
    }

    void printAndWrite(String fileName) throws IOException {
        String markdown = markdown();
        System.out.println("\n" + markdown);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(fileName), markdown);
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
