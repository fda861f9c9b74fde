package io.hyperscalelab.load;

import io.hyperscalelab.cluster.CitusHash;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads CSV into a distributed table the fast way: each row goes straight to its shard (routed
 * with Citus' hash of the distribution column), one COPY stream per shard in parallel, and the
 * shards' transactions are prepared and then committed together, so a bad line anywhere means
 * nothing is loaded anywhere. Tables that are not hash-distributed by an integer column are
 * copied through the coordinator, which is slower but routes any type.
 */
public final class ShardedLoader {

    /** Opens a connection to a worker as the loading user. */
    @FunctionalInterface
    public interface WorkerConnections {
        Connection open(String host, int port) throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(ShardedLoader.class);
    private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)(?:, column ([^:]+))?");
    private static final long PROGRESS_EVERY_BYTES = 1 << 20;

    private final WorkerConnections workers;

    public ShardedLoader(WorkerConnections workers) {
        this.workers = workers;
    }

    /**
     * Loads {@code csv} (read to its end, not closed) into {@code table}.
     *
     * @param fileName   named in error messages
     * @param totalBytes the input's size for the percentage, or 0 when unknown
     * @return the number of rows loaded
     */
    public long load(Connection coordinator, String table, InputStream csv, String fileName, long totalBytes,
                     Consumer<LoadProgress> progress) {
        try {
            Optional<DistributedTable> distributed = DistributedTable.read(coordinator, table);
            if (distributed.isEmpty()) {
                return copyThroughCoordinator(coordinator, table, csv, fileName);
            }
            return loadShards(distributed.get(), csv, fileName, totalBytes, progress);
        } catch (SQLException e) {
            throw new LoadException(fileName + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoadException(fileName + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private long copyThroughCoordinator(Connection coordinator, String table, InputStream csv, String fileName)
            throws SQLException, IOException {
        try {
            return coordinator.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", csv);
        } catch (PSQLException e) {
            throw fromServer(fileName, e, shardLine -> shardLine);
        }
    }

    private long loadShards(DistributedTable table, InputStream csv, String fileName, long totalBytes,
                            Consumer<LoadProgress> progress) throws SQLException, IOException {
        List<ShardStream> streams = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(table.shards().size());
        String loadId = "hl_load_" + UUID.randomUUID().toString().replace("-", "");
        try {
            for (ShardPlacement shard : table.shards()) {
                streams.add(new ShardStream(shard, workers.open(shard.host(), shard.port())));
            }
            List<Future<?>> copies = new ArrayList<>();
            for (int i = 0; i < streams.size(); i++) {
                ShardStream stream = streams.get(i);
                String transactionId = loadId + "_" + i;
                copies.add(threads.submit(() -> {
                    stream.copyAndPrepare(transactionId);
                    return null;
                }));
            }
            long rows;
            try {
                rows = route(table, csv, fileName, totalBytes, progress, streams, copies);
            } catch (RuntimeException | IOException e) {
                // every writer must have stopped before anything is rolled back, or a late
                // PREPARE TRANSACTION would outlive the rollback and keep the shards locked
                awaitCopies(fileName, streams, copies);
                rollback(streams);
                throw e;
            }
            RuntimeException failure = awaitCopies(fileName, streams, copies);
            if (failure != null) {
                rollback(streams);
                throw failure;
            }
            commit(streams);
            progress.accept(new LoadProgress(rows, totalBytes, totalBytes));
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rollback(streams);
            throw new LoadException(fileName + ": the load was interrupted; nothing was loaded", e);
        } finally {
            threads.shutdownNow();
            for (ShardStream stream : streams) {
                closeQuietly(stream);
            }
        }
    }

    private static long route(DistributedTable table, InputStream csv, String fileName, long totalBytes,
                              Consumer<LoadProgress> progress, List<ShardStream> streams, List<Future<?>> copies)
            throws IOException, InterruptedException {
        CsvRecordReader reader = new CsvRecordReader(csv, fileName, table.keyField());
        int shardCount = streams.size();
        long rows = 0;
        long reported = 0;
        boolean complete = false;
        try {
            while (reader.next()) {
                int shard = reader.keyIsNull() ? 0 : CitusHash.shardIndex(parseKey(reader, table, fileName), shardCount);
                streams.get(shard).add(reader.buffer(), reader.recordOffset(), reader.recordLength(), reader.recordLine(),
                        reader.recordLineCount());
                rows++;
                if (reader.bytesRead() - reported >= PROGRESS_EVERY_BYTES) {
                    reported = reader.bytesRead();
                    progress.accept(new LoadProgress(rows, reported, totalBytes));
                    if (copies.stream().anyMatch(Future::isDone)) {
                        break;  // a shard failed early: stop reading, its error will be reported
                    }
                }
            }
            complete = true;
        } finally {
            for (ShardStream stream : streams) {
                if (complete) {
                    stream.finish();
                } else {
                    stream.abandon();
                }
            }
        }
        return rows;
    }

    private static long parseKey(CsvRecordReader reader, DistributedTable table, String fileName) {
        try {
            return reader.keyAsLong();
        } catch (NumberFormatException e) {
            throw new LoadException(fileName, reader.recordLine(), table.keyColumn(),
                    "invalid input syntax for type bigint: \"" + reader.key() + "\"");
        }
    }

    /** Waits for every stream; returns the first failure, in terms of the input file. */
    private static RuntimeException awaitCopies(String fileName, List<ShardStream> streams, List<Future<?>> copies)
            throws InterruptedException {
        RuntimeException failure = null;
        for (int i = 0; i < copies.size(); i++) {
            try {
                copies.get(i).get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    ShardStream stream = streams.get(i);
                    failure = e.getCause() instanceof PSQLException pe
                            ? fromServer(fileName, pe, stream::inputLine)
                            : new LoadException(fileName + ": shard " + stream.shard().shardId() + " on "
                                    + stream.shard().host() + ":" + stream.shard().port() + " failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        return failure;
    }

    private interface LineMap {
        long inputLine(long shardLine);
    }

    // The worker says "COPY github_events_102010, line 17, column event_id: ..." about its own
    // stream; the user wants the line of their file.
    private static LoadException fromServer(String fileName, PSQLException e, LineMap lines) {
        ServerErrorMessage server = e.getServerErrorMessage();
        String where = server != null && server.getWhere() != null ? server.getWhere() : "";
        String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
        Matcher m = COPY_LINE.matcher(where);
        if (m.find()) {
            return new LoadException(fileName, lines.inputLine(Long.parseLong(m.group(1))), m.group(2), message);
        }
        return new LoadException(fileName + ": " + message, e);
    }

    private static void commit(List<ShardStream> streams) {
        for (ShardStream stream : streams) {
            try {
                stream.commit();
            } catch (SQLException e) {
                throw new LoadException("Shard " + stream.shard().shardId() + " on " + stream.shard().host() + ":"
                        + stream.shard().port() + " could not commit its part of the load after the others had: "
                        + e.getMessage(), e);
            }
        }
    }

    private static void rollback(List<ShardStream> streams) {
        for (ShardStream stream : streams) {
            try {
                stream.rollback();
            } catch (SQLException e) {
                // a broken connection has rolled back with it; a prepared transaction has not
                log.warn("Could not roll back the load into shard {} on {}:{}: {}", stream.shard().shardId(),
                        stream.shard().host(), stream.shard().port(), e.getMessage());
            }
        }
    }

    private static void closeQuietly(ShardStream stream) {
        try {
            stream.connection().close();
        } catch (SQLException ignored) {
            // closing ends an unprepared transaction, which is what a failed load wants
        }
    }
}
