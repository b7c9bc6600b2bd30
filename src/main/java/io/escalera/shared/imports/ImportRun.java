package io.escalera.shared.imports;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One check or commit of an import: which import, in which units, by whom, at what moment. Its values reach the SQL
 * only as named parameters ({@link #bind}): {@code :importId}, {@code :everyUnit}, {@code :units}, {@code :now},
 * {@code :today}.
 *
 * @param units the units the importer may write to; null for every unit
 */
public record ImportRun(long importId, Set<Long> units, String actorName, String recordedBy, Instant now, LocalDate today) {

    /** No unit has this id: the list bound when no unit may be written, so that {@code IN (:units)} stays valid SQL. */
    private static final long NO_UNIT = -1;

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("importId", importId)
                .param("everyUnit", units == null)
                .param("units", units == null || units.isEmpty() ? List.of(NO_UNIT) : List.copyOf(units))
                .param("now", Timestamp.from(now))
                .param("today", Date.valueOf(today));
    }
}
