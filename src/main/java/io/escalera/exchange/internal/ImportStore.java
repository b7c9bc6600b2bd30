package io.escalera.exchange.internal;

import io.escalera.exchange.ImportJob;
import io.escalera.exchange.ImportKind;
import io.escalera.shared.jdbc.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Import jobs and remembered mappings in SQL. */
@Repository
public class ImportStore {

    private static final RowMapper<ImportJob> JOB = (rs, n) -> new ImportJob(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")),
            rs.getString("file_name"), ImportJob.Status.valueOf(rs.getString("status")), rs.getLong("rows_read"),
            rs.getLong("created_count"), rs.getLong("updated_count"), rs.getLong("unchanged_count"), rs.getLong("rejected_count"),
            rs.getDouble("progress"), rs.getString("error"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
            Rows.instant(rs, "finished_at"));

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ImportKind kind, String fileName, String storedAs, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO import_job (kind, file_name, stored_as, status, created_by, created_at) VALUES (?, ?, ?, 'UPLOADED', ?, ?)")
                .params(kind.name(), fileName, storedAs, by, Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<ImportJob> job(long id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(id).query(JOB).optional();
    }

    public String storedAs(long id) {
        return jdbc.sql("SELECT stored_as FROM import_job WHERE id = ?").param(id).query(String.class).single();
    }

    public String mapping(long id) {
        return jdbc.sql("SELECT mapping FROM import_job WHERE id = ?").param(id).query(String.class).single();
    }

    /** The newest jobs, of one user or (null) of everyone. */
    public List<ImportJob> recent(String createdBy, int limit) {
        return createdBy == null
                ? jdbc.sql("SELECT * FROM import_job ORDER BY created_at DESC, id DESC LIMIT ?").param(limit).query(JOB).list()
                : jdbc.sql("SELECT * FROM import_job WHERE created_by = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(createdBy, limit).query(JOB).list();
    }

    /** Moves a job from one status to another; false when it was not in {@code from} (someone else moved it). */
    public boolean move(long id, ImportJob.Status from, ImportJob.Status to, String mapping) {
        return jdbc.sql("UPDATE import_job SET status = ?, progress = 0, error = NULL, mapping = COALESCE(?, mapping), heartbeat_at = NOW(3)"
                        + " WHERE id = ? AND status = ?")
                .params(to.name(), mapping, id, from.name()).update() == 1;
    }

    /**
     * The node running (or queueing) these jobs is alive: the database's own clock, the same for every node. Only jobs
     * still running are touched (one another node marked failed, or that was discarded, stays as it is).
     */
    public void heartbeat(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE import_job SET heartbeat_at = NOW(3) WHERE id IN (:ids) AND status IN ('CHECKING', 'COMMITTING')")
                    .param("ids", ids).update();
        }
    }

    /** Marks failed the running jobs without a heartbeat for {@code seconds} (their node stopped). @return how many */
    public int failAbandoned(int seconds, String error) {
        return jdbc.sql("""
                        UPDATE import_job SET status = 'FAILED', error = ?, finished_at = NOW(3)
                        WHERE status IN ('CHECKING', 'COMMITTING') AND (heartbeat_at IS NULL OR heartbeat_at < NOW(3) - INTERVAL ? SECOND)""")
                .params(error, seconds).update();
    }

    public void progress(long id, long rowsRead, double progress) {
        jdbc.sql("UPDATE import_job SET rows_read = ?, progress = ? WHERE id = ?").params(rowsRead, progress, id).update();
    }

    /**
     * A run ended: the job moves from {@code from} to {@code to} with its counts. @return false when it was no longer in
     * {@code from} (discarded, or marked failed by another node, meanwhile): then nothing changes
     */
    public boolean finished(long id, ImportJob.Status from, ImportJob.Status to, long created, long updated, long unchanged,
                            long rejected, Instant at) {
        return jdbc.sql("""
                        UPDATE import_job SET status = ?, created_count = ?, updated_count = ?, unchanged_count = ?, rejected_count = ?,
                               progress = 1, finished_at = ? WHERE id = ? AND status = ?""")
                .params(to.name(), created, updated, unchanged, rejected, Timestamp.from(at), id, from.name()).update() == 1;
    }

    /**
     * A running job failed. @return false when it was no longer running (discarded, or marked failed by another node,
     * meanwhile): that status and its reason stay
     */
    public boolean failed(long id, String error, Instant at) {
        return jdbc.sql("UPDATE import_job SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ? AND status IN ('CHECKING', 'COMMITTING')")
                .params(error.substring(0, Math.min(500, error.length())), Timestamp.from(at), id).update() == 1;
    }

    /** Why a run's result was dropped: said on the job that someone else moved to {@code status} while it ran. */
    public void noteDropped(long id, ImportJob.Status status, String reason) {
        jdbc.sql("UPDATE import_job SET error = ? WHERE id = ? AND status = ?").params(reason, id, status.name()).update();
    }

    public Optional<String> rememberedMapping(ImportKind kind, String layoutKey) {
        return jdbc.sql("SELECT mapping FROM import_mapping WHERE kind = ? AND layout_key = ?").params(kind.name(), layoutKey)
                .query(String.class).optional();
    }

    public void rememberMapping(ImportKind kind, String layoutKey, String mapping, Instant at) {
        jdbc.sql("""
                        INSERT INTO import_mapping (kind, layout_key, mapping, updated_at) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE mapping = VALUES(mapping), updated_at = VALUES(updated_at)""")
                .params(kind.name(), layoutKey, mapping, Timestamp.from(at)).update();
    }
}
