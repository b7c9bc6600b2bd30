package io.escalera.shared.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every row of a query handed on one at a time, fetched from the server a thousand rows at a time: for exports of
 * whole lists, which must neither hold millions of rows nor page through them with OFFSET.
 */
public final class StreamingQuery {

    private static final int FETCH_SIZE = 1_000;

    private StreamingQuery() {
    }

    public static <T> void forEach(JdbcTemplate jdbc, String sql, List<Object> params, RowMapper<T> mapper, Consumer<T> sink) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return statement;
        }, rs -> {
            sink.accept(mapper.mapRow(rs, 0));
        });
    }
}
