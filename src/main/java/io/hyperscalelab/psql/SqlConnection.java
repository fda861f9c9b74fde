package io.hyperscalelab.psql;

import io.hyperscalelab.load.LoadProgress;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * One session with the server. Calls come from one thread at a time, except {@link #cancel()},
 * which another thread (the terminal's Ctrl-C) may call while a statement runs.
 */
public interface SqlConnection extends AutoCloseable {

    ServerInfo server();

    /**
     * Runs one statement exactly as typed (psql sends each statement as a simple query).
     * NOTICEs and WARNINGs go to {@code notices} as they arrive.
     *
     * @throws SqlException with the server's message; positions refer to {@code sql}
     */
    List<SqlResult> execute(String sql, Consumer<ServerMessage> notices) throws SqlException;

    /** Streams {@code data} (read to its end, not closed) into the table; returns the rows loaded. */
    long copyIn(CopyIn copy, InputStream data, Consumer<LoadProgress> progress) throws SqlException;

    /** Runs {@code COPY ... TO STDOUT ...} into {@code out}; returns the rows written. */
    long copyOut(String sql, OutputStream out) throws SqlException;

    /** Asks the server to cancel the running statement, if any; returns at once. */
    void cancel();

    TransactionStatus transactionStatus();

    boolean isClosed();

    @Override
    void close();
}
