package io.hyperscalelab.psql;

import org.postgresql.util.ServerErrorMessage;

/**
 * An ERROR, WARNING or NOTICE from the server, with the fields psql shows.
 *
 * @param severity         "ERROR", "NOTICE", ... as the server wrote it
 * @param position         1-based character position in the statement; 0 when none
 * @param internalPosition 1-based position in {@code internalQuery}; 0 when none
 */
public record ServerMessage(String severity, String sqlState, String message, String detail, String hint,
                            int position, String internalQuery, int internalPosition, String context) {

    /** A message as pgjdbc received it from the server. */
    public static ServerMessage from(ServerErrorMessage m) {
        return new ServerMessage(m.getSeverity() != null ? m.getSeverity() : "ERROR", m.getSQLState(), m.getMessage(),
                m.getDetail(), m.getHint(), m.getPosition(), m.getInternalQuery(), m.getInternalPosition(), m.getWhere());
    }

    /** A message of our own (not from a server), e.g. a refused {@code \copy} file. */
    public static ServerMessage error(String sqlState, String message) {
        return new ServerMessage("ERROR", sqlState, message, null, null, 0, null, 0, null);
    }

    public boolean isError() {
        return "ERROR".equals(severity) || "FATAL".equals(severity) || "PANIC".equals(severity);
    }

    /**
     * The text psql prints (libpq's default verbosity; CONTEXT for errors only), with the
     * {@code LINE n:} cursor display when the message has a position in {@code statement}.
     */
    public String format(String statement) {
        StringBuilder out = new StringBuilder();
        out.append(severity).append(":  ").append(message);
        String cursorQuery = null;
        int cursor = 0;
        if (position > 0) {
            if (statement != null) {
                cursorQuery = statement;
                cursor = position;
            } else {
                out.append(" at character ").append(position);
            }
        } else if (internalPosition > 0) {
            if (internalQuery != null) {
                cursorQuery = internalQuery;
                cursor = internalPosition;
            } else {
                out.append(" at character ").append(internalPosition);
            }
        }
        out.append('\n');
        if (cursorQuery != null) {
            ErrorCursor.append(out, cursorQuery, cursor);
        }
        if (detail != null) {
            out.append("DETAIL:  ").append(detail).append('\n');
        }
        if (hint != null) {
            out.append("HINT:  ").append(hint).append('\n');
        }
        if (internalQuery != null) {
            out.append("QUERY:  ").append(internalQuery).append('\n');
        }
        if (context != null && isError()) {
            out.append("CONTEXT:  ").append(context).append('\n');
        }
        return out.toString();
    }
}
