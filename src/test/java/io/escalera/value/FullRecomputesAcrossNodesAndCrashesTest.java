package io.escalera.value;

import io.escalera.kpi.KpiRebuilds;
import io.escalera.loyalty.LoyaltyService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full runs of the values, the ladder and the KPI facts take their cluster job lock whatever started them (here the
 * calls an import, a rule change or "recompute now" make), and a value run starts by putting right what a run killed
 * between its table swap and its clean-up left behind.
 */
@EscaleraTest
class FullRecomputesAcrossNodesAndCrashesTest {

    @Autowired ValueService values;
    @Autowired LoyaltyService loyalty;
    @Autowired KpiRebuilds rebuilds;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired Clock clock;

    @Test
    void aValueRunSucceedsWhenAKilledRunLeftItsReplacedAndItsHalfLoadedTablesBehind() {
        aCustomerWithAnOrder();
        SystemUser.run(values::recomputeAll);
        // killed between RENAME and DROP (customer_value_old), and another killed while loading (customer_value_next)
        jdbc.sql("CREATE TABLE customer_value_old LIKE customer_value").update();
        jdbc.sql("CREATE TABLE customer_value_next LIKE customer_value").update();

        SystemUser.run(values::recomputeAll);

        assertThat(tables()).containsExactly("customer_value");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_value").query(Long.class).single()).isPositive();
    }

    @Test
    void aValueRunPutsTheLiveTableBackWhenASwapWasCutOffHalfWay() {
        long customer = aCustomerWithAnOrder();
        SystemUser.run(values::recomputeAll);
        jdbc.sql("RENAME TABLE customer_value TO customer_value_old").update();

        SystemUser.run(values::recomputeAll);

        assertThat(tables()).containsExactly("customer_value");
        assertThat(SystemUser.call(() -> values.of(customer))).isPresent();
    }

    @Test
    void aFullRunOfValuesLadderOrKpiFactsWaitsWhileAnotherNodeRunsOne() {
        aCustomerWithAnOrder();
        List<Runnable> triggers = List.of(
                () -> SystemUser.run(values::recomputeAll),
                () -> SystemUser.call(loyalty::recomputeAll),
                () -> SystemUser.call(rebuilds::rebuild),
                () -> SystemUser.call(rebuilds::rebuildTiered));
        List<String> jobs = List.of("value.full-recompute", "loyalty.full-recompute", "kpi.full-rebuild", "kpi.tiered-rebuild");
        for (int i = 0; i < triggers.size(); i++) {
            String job = jobs.get(i);
            // another node runs the job; its lock lapses in two seconds (as if that run ended then)
            jdbc.sql("INSERT IGNORE INTO job_lock (name, locked_until, locked_by) VALUES (?, NOW(3), '')").param(job).update();
            jdbc.sql("UPDATE job_lock SET locked_by = 'another-node#1', locked_at = NOW(3), locked_until = NOW(3) + INTERVAL 2 SECOND WHERE name = ?")
                    .param(job).update();
            long start = System.nanoTime();
            triggers.get(i).run();
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(waitedMillis).as("%s started only when the other node's run ended", job).isGreaterThanOrEqualTo(1_500);
            assertThat(jdbc.sql("SELECT locked_by FROM job_lock WHERE name = ?").param(job).query(String.class).single())
                    .as("%s ran under its lock", job).doesNotStartWith("another-node");
        }
    }

    private long aCustomerWithAnOrder() {
        long unit = testUsers.newUser(Role.MANAGER).unitId();
        var customer = testCustomers.newCustomer(unit);
        testCustomers.newOrder(customer, LocalDate.now(clock).minusDays(3), "120");
        return customer.id();
    }

    private List<String> tables() {
        return jdbc.sql("""
                        SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()
                        AND table_name IN ('customer_value', 'customer_value_old', 'customer_value_next') ORDER BY 1""")
                .query(String.class).list();
    }
}
