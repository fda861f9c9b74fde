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
import java.util.concurrent.CompletableFuture;
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

    /** Connections to the workers as the loading user. */
    @FunctionalInterface
    public interface WorkerConnections {
        Connection open(String host, int port) throws SQLException;

        /**
         * Takes back a connection after its part of a load: {@code reusable} when it ended
         * cleanly (committed or rolled back, no error on it). Closes it unless pooled.
         */
        default void release(Connection connection, boolean reusable) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a worker connection: {}", e.getMessage());
            }
        }
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
        LoadTimings timings = new LoadTimings();
        try {
            Optional<DistributedTable> distributed = DistributedTable.read(coordinator, table);
            timings.phase("metadata");
            if (distributed.isEmpty()) {
                return copyThroughCoordinator(coordinator, table, csv, fileName);
            }
            long rows = loadShards(distributed.get(), csv, fileName, totalBytes, progress, timings);
            log.debug("Loaded {} rows into {} in {}", rows, table, timings);
            return rows;
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
                            Consumer<LoadProgress> progress, LoadTimings timings) throws IOException {
        List<ShardStream> streams = new ArrayList<>();
        for (ShardPlacement shard : table.shards()) {
            streams.add(new ShardStream(shard));
        }
        // Each stream connects in its own thread while this one is already reading: the
        // connections' start-up overlaps the parsing, and a slow one holds up only its shard.
        ExecutorService threads = Executors.newFixedThreadPool(streams.size());
        CompletableFuture<Boolean> commit = new CompletableFuture<>();
        String loadId = "hl_load_" + UUID.randomUUID().toString().replace("-", "");
        List<Future<?>> finished = new ArrayList<>();
        try {
            for (int i = 0; i < streams.size(); i++) {
                ShardStream stream = streams.get(i);
                String transactionId = loadId + "_" + i;
                finished.add(threads.submit(() -> {
                    stream.run(workers, transactionId, commit);
                    return null;
                }));
            }
            long rows;
            try {
                rows = route(table, csv, fileName, totalBytes, progress, streams);
                timings.phase("read");
            } catch (RuntimeException | IOException e) {
                // every writer must have stopped before anything is rolled back, or a late
                // PREPARE TRANSACTION would outlive the rollback and keep the shards locked
                awaitPrepared(fileName, streams);
                commit.complete(false);
                awaitFinished(finished);
                throw e;
            }
            RuntimeException failure = awaitPrepared(fileName, streams);
            timings.phase("copy+prepare");
            commit.complete(failure == null);
            RuntimeException commitFailure = awaitFinished(finished);
            timings.phase(failure == null ? "commit" : "rollback");
            if (failure != null) {
                throw failure;
            }
            if (commitFailure != null) {
                throw commitFailure;
            }
            progress.accept(new LoadProgress(rows, totalBytes, totalBytes));
            return rows;
        } catch (InterruptedException e) {
            commit.complete(false);
            awaitFinishedUninterruptibly(finished);
            Thread.currentThread().interrupt();
            throw new LoadException(fileName + ": the load was interrupted; nothing was loaded", e);
        } finally {
            threads.shutdown();
        }
    }

    private static long route(DistributedTable table, InputStream csv, String fileName, long totalBytes,
                              Consumer<LoadProgress> progress, List<ShardStream> streams)
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
                    if (streams.stream().anyMatch(s -> s.prepared().isDone())) {
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

    /** Waits until every stream has prepared or given up; returns the first failure, in terms of the input file. */
    private static RuntimeException awaitPrepared(String fileName, List<ShardStream> streams) throws InterruptedException {
        RuntimeException failure = null;
        for (ShardStream stream : streams) {
            try {
                stream.prepared().get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof PSQLException pe
                            ? fromServer(fileName, pe, stream::inputLine)
                            : new LoadException(fileName + ": shard " + stream.shard().shardId() + " on "
                                    + stream.shard().host() + ":" + stream.shard().port() + " failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        return failure;
    }

    /** Waits for every stream's commit or rollback; returns a failed commit's error. */
    private static RuntimeException awaitFinished(List<Future<?>> finished) throws InterruptedException {
        RuntimeException failure = null;
        for (Future<?> stream : finished) {
            try {
                stream.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = new LoadException("A shard could not commit its part of the load after others had: "
                            + e.getCause().getMessage(), e.getCause());
                } else {
                    log.warn("A shard could not finish its part of a load: {}", e.getCause().getMessage());
                }
            }
        }
        return failure;
    }

    // A prepared transaction left behind would hold its shard's locks until someone rolls it
    // back by name, so an interrupted load still waits for its streams to finish.
    private static void awaitFinishedUninterruptibly(List<Future<?>> finished) {
        boolean interrupted = false;
        for (Future<?> stream : finished) {
            while (true) {
                try {
                    stream.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    log.warn("A shard could not roll back its part of an interrupted load: {}", e.getCause().getMessage());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
}
