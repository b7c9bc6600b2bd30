package io.escalera.shared.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One connection written by a thread of its own: the caller prepares the next chunk of rows while the database loads
 * the previous one (on two cores, generating and loading one after the other left one core idle half the time).
 * Statements run in the order they were handed over; the first failure is thrown to the caller at its next call.
 */
public final class LoadDataPipeline implements AutoCloseable {

    /** Work for the connection, run on the pipeline's thread. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    private static final Work STOP = c -> { };

    private final Connection connection;
    // a few chunks ahead at most: enough to keep both sides busy without holding much of the data set in memory
    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(3);
    private final Thread thread;
    private volatile SQLException failure;

    public LoadDataPipeline(Connection connection, String name) {
        this.connection = connection;
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::drain);
    }

    private void drain() {
        while (true) {
            Work work;
            try {
                work = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (work == STOP) {
                return;
            }
            if (failure == null) {
                try {
                    work.run(connection);
                } catch (SQLException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new SQLException(e);
                }
            }
        }
    }

    /** Queues work for the connection (waits while the queue is full). */
    public void submit(Work work) throws SQLException {
        throwIfFailed();
        try {
            queue.put(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        }
    }

    /** Waits until everything queued so far has run. */
    public void await() throws SQLException {
        CountDownLatch done = new CountDownLatch(1);
        submit(c -> done.countDown());
        try {
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        }
        throwIfFailed();
    }

    /** A writer for one table whose chunks are loaded on this pipeline's thread. */
    public RowWriter writer(String table, List<String> columns, int rowsPerChunk) {
        return new LoadDataWriter(this, table, columns, rowsPerChunk);
    }

    private void throwIfFailed() throws SQLException {
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs what is queued, then stops the thread; throws the first failure. */
    @Override
    public void close() throws SQLException {
        try {
            await();
        } finally {
            try {
                queue.put(STOP);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
