package io.escalera.shared.internal.database;

import com.zaxxer.hikari.HikariDataSource;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database's pool size is the setting escalera.db.pool-size (ESCALERA_DB_POOL_SIZE), not a fixed 10. */
@EscaleraTest
class PoolSizeSettingTest {

    @Autowired DataSource dataSource;
    @Value("${escalera.db.pool-size}") int configured;

    /** The tests run with 12 (application-test.properties): the hard-coded 10 of before failed this. */
    @Test
    void theEmbeddedDatabasesPoolHasTheConfiguredSize() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(configured);
    }
}
