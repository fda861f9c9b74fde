package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ServerGroup;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The query editor could not connect to the coordinator, said in the learner's terms.
 *
 * @see #firewall()
 */
final class QueryEditorConnectionException extends Exception {

    private final boolean firewall;

    QueryEditorConnectionException(String message, boolean firewall) {
        super(message);
        this.firewall = firewall;
    }

    /** The group's firewall refused the connection: the learner can fix that under Networking. */
    boolean firewall() {
        return firewall;
    }

    static QueryEditorConnectionException of(SQLException e, ServerGroup group, String address) {
        ServerErrorMessage server = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        if (server != null && "28000".equals(server.getSQLState()) && String.valueOf(server.getMessage()).contains("pg_hba.conf")) {
            return new QueryEditorConnectionException("The firewall of " + group.name() + " refused the query editor. "
                    + "The query editor connects from Azure services (" + address + "): turn on \"Allow Azure services and "
                    + "resources to access this server group\", or add a firewall rule that covers " + address
                    + ", under Networking.", true);
        }
        if (server != null) {
            return new QueryEditorConnectionException("The coordinator refused the connection: " + server.getMessage(), false);
        }
        return new QueryEditorConnectionException("The coordinator of " + group.name() + " at " + group.coordinator().host() + ":"
                + group.coordinator().port() + " did not answer (" + e.getMessage() + "). Is the server group running?", false);
    }
}
