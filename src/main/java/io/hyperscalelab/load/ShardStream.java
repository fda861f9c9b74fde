package io.hyperscalelab.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One shard's part of a load, run by a thread of its own: it takes a worker connection, copies
 * the batches the reading thread hands it inside a transaction that it prepares (two-phase)
 * rather than commits, then waits for the loader's decision and commits or rolls back, so the
 * loader commits all shards or none. Remembers the input line of every row it was given,
 * because the worker reports errors by its own line numbers.
 */
final class ShardStream {

    private static final Chunk END = new Chunk(new byte[0], 0);
    private static final Chunk ABANDON = new Chunk(new byte[0], 0);
    /** One COPY data message: large enough that a message costs little, small enough to start early. */
    private static final int BATCH = 1 << 16;

    private final ShardPlacement shard;
    private final BlockingQueue<Chunk> batches = new ArrayBlockingQueue<>(4);
    /** Completes when the transaction is prepared, or with the reason it could not be. */
    private final CompletableFuture<Void> prepared = new CompletableFuture<>();
    private byte[] batch = new byte[BATCH];
    private int batchLength;
    private long[] inputLines = new long[1024];
    /** The line of this shard's stream on which each row starts: COPY reports errors by stream line. */
    private long[] streamLines = new long[1024];
    private long nextStreamLine = 1;
    private int rows;
    private Connection connection;
    private String preparedTransaction;

    ShardStream(ShardPlacement shard) {
        this.shard = shard;
    }

    ShardPlacement shard() {
        return shard;
    }

    CompletableFuture<Void> prepared() {
        return prepared;
    }

    /** Called by the reading thread. */
    void add(byte[] source, int offset, int length, long inputLine, int lineCount) throws InterruptedException {
        boolean needsNewline = length == 0 || source[offset + length - 1] != '\n';
        int total = length + (needsNewline ? 1 : 0);
        if (batchLength + total > batch.length) {
            flush();
            if (total > batch.length) {
                batch = new byte[total];
            }
        }
        System.arraycopy(source, offset, batch, batchLength, length);
        batchLength += length;
        if (needsNewline) {
            batch[batchLength++] = '\n';
        }
        if (rows == inputLines.length) {
            inputLines = Arrays.copyOf(inputLines, rows * 2);
            streamLines = Arrays.copyOf(streamLines, rows * 2);
        }
        inputLines[rows] = inputLine;
        streamLines[rows] = nextStreamLine;
        // COPY counts the line breaks inside quoted fields only once it has seen a record's own
        // line break: those of a stream's first record are not counted
        nextStreamLine += rows == 0 ? 1 : lineCount;
        rows++;
    }

    /** Called by the reading thread when the input has ended. */
    void finish() throws InterruptedException {
        flush();
        batches.put(END);
    }

    /** Called by the reading thread when the load failed: the stream cancels its COPY. */
    void abandon() throws InterruptedException {
        batches.put(ABANDON);
    }

    /** The input line that a line of this shard's stream came from; 0 if it is not one of them. */
    long inputLine(long streamLine) {
        int row = Arrays.binarySearch(streamLines, 0, rows, streamLine);
        if (row < 0) {
            row = -row - 2;  // the row that starts before it and spans it
        }
        return row >= 0 && streamLine < nextStreamLine ? inputLines[row] + (streamLine - streamLines[row]) : 0;
    }

    /**
     * This stream's thread, from start to end: connects, copies and prepares (completing
     * {@link #prepared()}), then commits when {@code commit} says so and rolls back otherwise.
     * The connection goes back to {@code workers}, reusable only if nothing went wrong on it.
     *
     * @throws SQLException when the commit or the rollback failed
     */
    void run(ShardedLoader.WorkerConnections workers, String transactionId, CompletableFuture<Boolean> commit)
            throws SQLException {
        boolean reusable = false;
        try {
            try {
                copyAndPrepare(workers, transactionId);
                prepared.complete(null);
            } catch (SQLException | RuntimeException e) {
                prepared.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                prepared.completeExceptionally(e);
            }
            if (connection == null) {
                return;
            }
            boolean committing = commit.join();
            if (committing && preparedTransaction != null) {
                finishPrepared("COMMIT PREPARED");
            } else {
                rollback();
            }
            reusable = !prepared.isCompletedExceptionally();
        } finally {
            if (connection != null) {
                workers.release(connection, reusable);
            }
        }
    }

    /**
     * Copies batches until the end marker, then prepares the transaction; returns without
     * preparing when the load is abandoned. On failure it keeps taking batches until a marker,
     * so the reader never blocks on it.
     */
    private void copyAndPrepare(ShardedLoader.WorkerConnections workers, String transactionId)
            throws SQLException, InterruptedException {
        boolean ended = false;
        try {
            connection = workers.open(shard.host(), shard.port());
            connection.setAutoCommit(false);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + shard.qualifiedTable() + " FROM STDIN WITH (FORMAT csv)");
            try {
                Chunk b;
                for (b = batches.take(); b != END && b != ABANDON; b = batches.take()) {
                    copy.writeToCopy(b.bytes(), 0, b.length());
                }
                ended = true;
                if (b == ABANDON) {
                    return;  // the finally cancels the COPY; the rollback ends the transaction
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            try (Statement s = connection.createStatement()) {
                s.execute("PREPARE TRANSACTION '" + transactionId + "'");
            }
            preparedTransaction = transactionId;
        } catch (SQLException | RuntimeException e) {
            if (!ended) {
                for (Chunk b = batches.take(); b != END && b != ABANDON; b = batches.take()) {
                    // drain
                }
            }
            throw e;
        }
    }

    /**
     * Undoes this shard's part: a prepared transaction by name (it outlives the session), an
     * open one by rolling back.
     */
    private void rollback() throws SQLException {
        if (preparedTransaction != null) {
            finishPrepared("ROLLBACK PREPARED");
            return;
        }
        connection.rollback();
        connection.setAutoCommit(true);
    }

    private void finishPrepared(String command) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute(command + " '" + preparedTransaction + "'");
        }
        preparedTransaction = null;
    }

    private void flush() throws InterruptedException {
        if (batchLength > 0) {
            // handed over whole: the stream's thread owns it from now on
            batches.put(new Chunk(batch, batchLength));
            batch = new byte[BATCH];
            batchLength = 0;
        }
    }

    /** The first {@code length} bytes of {@code bytes}: whole rows for the COPY. */
    private record Chunk(byte[] bytes, int length) {
    }
}
