package io.escalera.value.internal;

import io.escalera.value.MarketValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Market value as entered by staff, one row per customer, versioned for optimistic locking. */
@Component
public class MarketValueStore {

    private final JdbcClient jdbc;

    MarketValueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MarketValue> find(long customerId) {
        return jdbc.sql("SELECT share_of_wallet, competitive_pressure, updated_by_name, updated_at, version FROM customer_market_value WHERE customer_id = ?")
                .param(customerId)
                .query((rs, n) -> new MarketValue((Integer) rs.getObject(1, Integer.class), (Integer) rs.getObject(2, Integer.class),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getLong(5))).optional();
    }

    /** @return false when {@code version} is not the stored one (someone saved in between) */
    public boolean save(long customerId, Integer share, Integer pressure, Long version, String byName, Instant at) {
        if (version == null) {
            return jdbc.sql("""
                            INSERT IGNORE INTO customer_market_value (customer_id, share_of_wallet, competitive_pressure, updated_by_name, updated_at, version)
                            VALUES (?, ?, ?, ?, ?, 0)""")
                    .params(customerId, share, pressure, byName, Timestamp.from(at)).update() == 1;
        }
        return jdbc.sql("""
                        UPDATE customer_market_value SET share_of_wallet = ?, competitive_pressure = ?, updated_by_name = ?, updated_at = ?,
                               version = version + 1 WHERE customer_id = ? AND version = ?""")
                .params(share, pressure, byName, Timestamp.from(at), customerId, version).update() == 1;
    }
}
