package io.hyperscalelab.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One shard's COPY: rows are batched here by the reading thread and written by this stream's
 * own thread, inside a transaction that is prepared (two-phase) rather than committed, so the
 * loader can commit all shards or none. Remembers the input line of every row it was given,
 * because the worker reports errors by its own line numbers.
 */
final class ShardStream {

    private static final byte[] END = new byte[0];
    private static final byte[] ABANDON = new byte[0];
    private static final int BATCH = 1 << 16;

    private final ShardPlacement shard;
    private final Connection connection;
    private final BlockingQueue<byte[]> batches = new ArrayBlockingQueue<>(4);
    private byte[] batch = new byte[BATCH];
    private int batchLength;
    private long[] inputLines = new long[1024];
    /** The line of this shard's stream on which each row starts: COPY reports errors by stream line. */
    private long[] streamLines = new long[1024];
    private long nextStreamLine = 1;
    private int rows;
    private volatile String preparedTransaction;

    ShardStream(ShardPlacement shard, Connection connection) {
        this.shard = shard;
        this.connection = connection;
    }

    ShardPlacement shard() {
        return shard;
    }

    Connection connection() {
        return connection;
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
        nextStreamLine += lineCount;
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

    int rows() {
        return rows;
    }

    /**
     * This stream's thread: copies batches until the end marker, then prepares the transaction;
     * returns without preparing when the load is abandoned. On failure it keeps taking batches
     * until a marker, so the reader never blocks on it.
     */
    void copyAndPrepare(String transactionId) throws SQLException, InterruptedException {
        boolean ended = false;
        try {
            connection.setAutoCommit(false);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + shard.qualifiedTable() + " FROM STDIN WITH (FORMAT csv)");
            try {
                byte[] b;
                for (b = batches.take(); b != END && b != ABANDON; b = batches.take()) {
                    copy.writeToCopy(b, 0, b.length);
                }
                ended = true;
                if (b == ABANDON) {
                    return;  // the finally cancels the COPY; closing the connection ends the transaction
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
                for (byte[] b = batches.take(); b != END && b != ABANDON; b = batches.take()) {
                    // drain
                }
            }
            throw e;
        }
    }

    /** Commits the prepared transaction. */
    void commit() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("COMMIT PREPARED '" + preparedTransaction + "'");
        }
        preparedTransaction = null;
    }

    /**
     * Undoes this shard's part: a prepared transaction by name (it outlives the session), an
     * open one by rolling back.
     */
    void rollback() throws SQLException {
        if (preparedTransaction == null) {
            connection.rollback();
            return;
        }
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK PREPARED '" + preparedTransaction + "'");
        }
        preparedTransaction = null;
    }

    private void flush() throws InterruptedException {
        if (batchLength > 0) {
            batches.put(Arrays.copyOf(batch, batchLength));
            batchLength = 0;
        }
    }
}
