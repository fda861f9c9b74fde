package io.hyperscalelab.execution;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A statement failed: PostgreSQL's own message, SQLSTATE, detail, hint and position (1-based,
 * into the learner's statement, 0 when there is none), and the worker involved, if any.
 */
public class StatementException extends SQLException {

    private final String detail;
    private final String hint;
    private final int position;
    private final transient WorkerNode worker;

    public StatementException(String message, String sqlState, String detail, String hint, int position,
                              WorkerNode worker, Throwable cause) {
        super(message, sqlState, cause);
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.worker = worker;
    }

    public StatementException(String message, String sqlState) {
        this(message, sqlState, null, null, 0, null, null);
    }

    /** PostgreSQL's error as the server reported it; the position is kept only when it points into the learner's text. */
    static StatementException fromServer(SQLException e, boolean positionIsTheLearners, WorkerNode worker) {
        ServerErrorMessage server = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        if (server == null) {
            return new StatementException(e.getMessage(), e.getSQLState(), null, null, 0, worker, e);
        }
        return new StatementException(server.getMessage(), server.getSQLState(), server.getDetail(), server.getHint(),
                positionIsTheLearners ? server.getPosition() : 0, worker, e);
    }

    /** The same error, its position moved by {@code offset} characters (the statement's place in a longer text). */
    StatementException shifted(int offset) {
        if (position == 0 || offset == 0) {
            return this;
        }
        StatementException moved = new StatementException(getMessage(), getSQLState(), detail, hint, position + offset, worker,
                getCause());
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    public int position() {
        return position;
    }

    /** The worker that failed or could not be reached; null when the coordinator reported the error. */
    public WorkerNode worker() {
        return worker;
    }
}
