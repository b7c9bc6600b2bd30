package io.escalera.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A benchmark: tagged "benchmark" (run only with {@code -Pbench}), on the benchmark database (generated once by
 * {@link CustomerBenchmarks}, kept in {@code ./data/bench-mariadb} or {@code ESCALERA_BENCH_DIR}), with every
 * scheduled job off so that nothing but the measured work runs. A class adds its own debug logging with
 * {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("benchmark")
@SpringBootTest(properties = {
        "escalera.db.directory=${ESCALERA_BENCH_DIR:./data/bench-mariadb}",
        "escalera.db.database=escalera_bench",
        "escalera.db.buffer-pool-size=${ESCALERA_DB_BUFFER_POOL:6G}",
        "escalera.complaint.breach-job=false", "escalera.feedback.invitation-jobs=false",
        "escalera.loyalty.nightly-recompute=false", "escalera.value.nightly-recompute=false", "escalera.kpi.nightly-rebuild=false",
        "escalera.exchange.webhook-dispatch=false", "escalera.import.directory=${ESCALERA_BENCH_DIR:./data/bench-mariadb}/../bench-imports",
        "logging.level.root=warn", "logging.level.io.escalera=info"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@interface BenchmarkDatabase {
}
