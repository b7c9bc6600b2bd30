package io.escalera.bench;

import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerTimeline;
import io.escalera.interaction.InteractionForm;
import io.escalera.interaction.InteractionService;
import io.escalera.interaction.internal.InteractionDataGenerator;
import io.escalera.security.SystemUser;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interactions and the customer 360 at scale, on the benchmark database of {@link CustomerBenchmarks} (run that
 * first, or together: {@code ./mvnw -Pbench verify}); interactions are generated once if missing.
 */
@BenchmarkDatabase
class InteractionBenchmarks {

    @Autowired InteractionDataGenerator generator;
    @Autowired CustomerService customers;
    @Autowired CustomerTimeline timeline;
    @Autowired InteractionService interactions;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;

    private final BenchmarkTable table = new BenchmarkTable("Interactions and the customer 360");

    @BeforeAll
    void interactions() throws Exception {
        long customerCount = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        assertThat(customerCount).as("run CustomerBenchmarks first: it generates the customers").isPositive();
        if (jdbc.sql("SELECT COUNT(*) FROM interaction").query(Long.class).single() == 0) {
            long first = jdbc.sql("SELECT MIN(id) FROM customer").query(Long.class).single();
            long last = jdbc.sql("SELECT MAX(id) FROM customer").query(Long.class).single();
            InteractionDataGenerator.Result result = generator.load(first, last, 42, LocalDate.now());
            table.add(String.format(Locale.ROOT, "interactions generated (LOAD DATA LOCAL), %,d rows", result.interactions()),
                    String.format(Locale.ROOT, "%,.0f rows/s (%.0f s)", result.rowsPerSecond(), result.elapsed().toMillis() / 1000.0),
                    "(reported)", true);
            jdbc.sql("ANALYZE TABLE interaction").query().listOfRows();
        }
        table.note(String.format(Locale.ROOT, "%,d customers, %,d interactions", customerCount,
                jdbc.sql("SELECT COUNT(*) FROM interaction").query(Long.class).single()));
    }

    @Test
    void benchmarks() throws Exception {
        typeahead();
        heavyTimeline();
        interactionSave();
        table.printAndWrite("interactions.md");
    }

    /** What the quick log's customer box sends while someone types a name: 3, 5 and 8 letters of a full name. */
    private void typeahead() {
        SplittableRandom random = new SplittableRandom(11);
        long min = jdbc.sql("SELECT MIN(id) FROM customer").query(Long.class).single();
        long max = jdbc.sql("SELECT MAX(id) FROM customer").query(Long.class).single();
        List<String> typed = new java.util.ArrayList<>();
        while (typed.size() < 900) {
            String name = jdbc.sql("SELECT name FROM customer WHERE id >= ? ORDER BY id LIMIT 1").param(min + random.nextLong(max - min + 1))
                    .query(String.class).single();
            for (int letters : new int[]{3, 5, 8}) {
                typed.add(name.substring(0, Math.min(letters, name.length())));
            }
        }
        long[] nanos = new long[typed.size()];
        for (int i = 0; i < nanos.length; i++) {
            String text = typed.get(i);
            long start = System.nanoTime();
            SystemUser.call(() -> customers.typeahead(text, 0, 20)).size();
            nanos[i] = System.nanoTime() - start;
        }
        table.latency("quick-log typeahead (first 3, 5 and 8 letters of a name)", nanos, 50);

        // a surname typed on its own: no name starts with it, so the word index answers
        List<String> surnames = new java.util.ArrayList<>();
        while (surnames.size() < 300) {
            String name = jdbc.sql("SELECT name FROM customer WHERE id >= ? ORDER BY id LIMIT 1").param(min + random.nextLong(max - min + 1))
                    .query(String.class).single();
            String[] words = name.split(" ");
            if (words.length > 1) {
                surnames.add(words[1].substring(0, Math.min(6, words[1].length())));
            }
        }
        long[] surnameNanos = new long[surnames.size()];
        for (int i = 0; i < surnameNanos.length; i++) {
            String text = surnames.get(i);
            long start = System.nanoTime();
            SystemUser.call(() -> customers.typeahead(text, 0, 20)).size();
            surnameNanos[i] = System.nanoTime() - start;
        }
        table.latency("quick-log typeahead, a surname typed alone (first 6 letters)", surnameNanos, 50);
    }

    private void heavyTimeline() {
        long id = jdbc.sql("SELECT id FROM customer WHERE external_code = 'C10000077'").query(Long.class).single();
        long entries = jdbc.sql("SELECT (SELECT COUNT(*) FROM customer_order WHERE customer_id = ?) + (SELECT COUNT(*) FROM interaction WHERE customer_id = ?)")
                .params(id, id).query(Long.class).single();
        long[] nanos = new long[100];
        for (int i = -5; i < nanos.length; i++) {
            long start = System.nanoTime();
            int size = SystemUser.call(() -> customers.get(id).name().length() + timeline.page(id, Set.of(), null, 0, 50).size());
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
            assertThat(size).isGreaterThan(50);
        }
        table.latency(String.format(Locale.ROOT, "360 page of a customer with %,d timeline entries: facts and first timeline page", entries), nanos, 150);
    }

    private void interactionSave() {
        // a STAFF user allowed to widen to all units, so that any generated customer may be served
        var staff = testUsers.newUser(io.escalera.security.Role.STAFF, true);
        SecurityContextHolder.getContext().setAuthentication(testUsers.authenticationOf(staff));
        try {
            long customerId = jdbc.sql("SELECT id FROM customer WHERE external_code = 'C10000100'").query(Long.class).single();
            long[] nanos = new long[200];
            for (int i = -10; i < nanos.length; i++) {
                InteractionForm form = new InteractionForm();
                form.setCustomerId(customerId);
                form.setReasonId(1L);
                form.setSummary("Benchmark call " + i);
                long start = System.nanoTime();
                interactions.log(form);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            table.latency("interaction save (validation, insert, event)", nanos, 50);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
