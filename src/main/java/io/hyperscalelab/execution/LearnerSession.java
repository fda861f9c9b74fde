package io.hyperscalelab.execution;

import java.sql.SQLException;

/**
 * One learner connection's statements, as the query editor and the Cloud Shell's psql run them:
 * each comes back with its result and its {@link Breakdown}, whichever cluster is behind it.
 * {@link ExecutionSession} distributes them itself (the embedded cluster); {@link CitusSession}
 * hands them to a real Citus coordinator and reads the breakdown from Citus' own EXPLAIN.
 * One statement runs at a time; {@link #cancel()} may be called from another thread.
 */
public interface LearnerSession extends AutoCloseable {

    /**
     * Runs one statement (a trailing semicolon is fine; two statements are refused).
     *
     * @throws StatementException PostgreSQL's error, with the position in {@code text}
     */
    ExecutionResult execute(String text) throws StatementException;

    /** Stops the running statement wherever it runs; a no-op when idle. */
    void cancel();

    @Override
    void close() throws SQLException;
}
