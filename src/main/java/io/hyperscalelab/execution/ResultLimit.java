package io.hyperscalelab.execution;

import java.sql.SQLException;

/**
 * The most row data one statement may bring into the portal's memory: every row of a result is
 * held there (the merge needs them all, and so do psql's table and the editor's grid). Each
 * connection stops reading past it (pgjdbc's maxResultBuffer, which then closes that connection),
 * and the rows of a statement's tasks together may not exceed it either.
 */
record ResultLimit(long bytes) {

    /** What went with a coordinator connection that outgrew its limit: pgjdbc closes it. */
    static final String SESSION_LOST = "The connection to the coordinator was closed with it: the session's "
            + "settings, temporary tables and any open transaction are gone.";

    private static final String PGJDBC_MARK = "maxResultBuffer";

    static ResultLimit megabytes(int megabytes) {
        return new ResultLimit(megabytes * 1024L * 1024L);
    }

    /** The value of pgjdbc's {@code maxResultBuffer} property. */
    String connectionProperty() {
        return bytes / (1024 * 1024) + "M";
    }

    /** Whether pgjdbc gave up on a result because of its maxResultBuffer. */
    static boolean hit(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(PGJDBC_MARK)) {
                return true;
            }
        }
        return false;
    }

    /** The learner's error; {@code lost} says what went with the connection that was reading. */
    StatementException exceeded(String lost, SQLException cause) {
        return new StatementException("the result is larger than the portal can hold (" + bytes / (1024 * 1024)
                + " MB of rows)", "54000", lost, "Narrow the query down with WHERE or LIMIT, or aggregate it.", 0, null, cause);
    }
}
