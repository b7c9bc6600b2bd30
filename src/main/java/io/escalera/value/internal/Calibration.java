package io.escalera.value.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a full run measured over all buying customers: tier boundaries (total value), RFM quintile boundaries
 * (recency as −days, frequency, monetary) and the observed retention counts. Stored so that a single customer can
 * be placed between them; an infinite boundary (no value reaches it) is stored as NULL.
 */
record Calibration(double[] tiers, double[] recency, double[] frequency, double[] monetary, Retention retention) {

    /** @param buyers per buying customer: {total value, −recency days, frequency, monetary} */
    static Calibration measure(List<double[]> buyers, Retention retention) {
        return new Calibration(Ranking.tierBoundaries(column(buyers, 0)), Ranking.quintileBoundaries(column(buyers, 1)),
                Ranking.quintileBoundaries(column(buyers, 2)), Ranking.quintileBoundaries(column(buyers, 3)), retention);
    }

    private static double[] column(List<double[]> rows, int index) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[index];
        }
        return values;
    }

    void store(JdbcClient jdbc, LocalDate day) {
        Map<String, Double> values = new HashMap<>();
        put(values, "tier", tiers);
        put(values, "recency", recency);
        put(values, "frequency", frequency);
        put(values, "monetary", monetary);
        retention.counts().forEach((key, counts) -> {
            values.put("retention." + key + ".base", (double) counts[0]);
            values.put("retention." + key + ".retained", (double) counts[1]);
        });
        jdbc.sql("DELETE FROM value_calibration").update();
        values.forEach((name, value) -> jdbc.sql("INSERT INTO value_calibration (name, value, computed_on) VALUES (?, ?, ?)")
                .params(name, Double.isInfinite(value) ? null : BigDecimal.valueOf(value), day).update());
    }

    private static void put(Map<String, Double> values, String name, double[] bounds) {
        for (int i = 0; i < bounds.length; i++) {
            values.put(name + "." + i, bounds[i]);
        }
    }

    /** The last run's calibration, or null when there was none. */
    static Calibration load(JdbcClient jdbc) {
        Map<String, Double> values = new HashMap<>();
        jdbc.sql("SELECT name, value FROM value_calibration").query((rs, n) -> {
            BigDecimal value = rs.getBigDecimal(2);
            values.put(rs.getString(1), value == null ? Double.POSITIVE_INFINITY : value.doubleValue());
            return null;
        }).list();
        if (!values.containsKey("tier.0")) {
            return null;
        }
        Map<String, long[]> counts = new HashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith("retention.") && name.endsWith(".base")) {
                String key = name.substring("retention.".length(), name.length() - ".base".length());
                counts.put(key, new long[]{value.longValue(), values.getOrDefault("retention." + key + ".retained", 0.0).longValue()});
            }
        });
        return new Calibration(get(values, "tier", 2), get(values, "recency", 4), get(values, "frequency", 4),
                get(values, "monetary", 4), new Retention(counts));
    }

    private static double[] get(Map<String, Double> values, String name, int size) {
        double[] bounds = new double[size];
        for (int i = 0; i < size; i++) {
            bounds[i] = values.getOrDefault(name + "." + i, Double.POSITIVE_INFINITY);
        }
        return bounds;
    }
}
