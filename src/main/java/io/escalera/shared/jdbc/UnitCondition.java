package io.escalera.shared.jdbc;

import java.util.Set;
import java.util.stream.Collectors;

/** The one SQL rule for unit-scoped lists: null units means every unit, an empty set means none. */
public final class UnitCondition {

    private UnitCondition() {
    }

    /** "column IN (…)", "1 = 0" for no unit, or null when every unit is visible (no condition). */
    public static String in(String column, Set<Long> units) {
        if (units == null) {
            return null;
        }
        return units.isEmpty() ? "1 = 0" : column + " IN (" + units.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }

    /** The same as " AND …" to append to a WHERE clause, or "" when every unit is visible. */
    public static String and(String column, Set<Long> units) {
        String condition = in(column, units);
        return condition == null ? "" : " AND " + condition;
    }
}
