package io.escalera.exchange;

import java.time.Instant;

/**
 * One import: the file, where it is (uploaded → checking → checked → committing → done, or failed/discarded), and
 * the counts of its dry run or commit. Kept in the database, so that the page can be left and come back to.
 */
public record ImportJob(long id, ImportKind kind, String fileName, Status status, long rowsRead, long created, long updated,
                        long unchanged, long rejected, double progress, String error, String createdBy, Instant createdAt,
                        Instant finishedAt) {

    public enum Status {
        UPLOADED, CHECKING, CHECKED, COMMITTING, DONE, FAILED, DISCARDED;

        public boolean running() {
            return this == CHECKING || this == COMMITTING;
        }
    }

    public long good() {
        return created + updated;
    }
}
