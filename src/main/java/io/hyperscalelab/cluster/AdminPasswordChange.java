package io.hyperscalelab.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * A new password for the admin role {@code citus} on every node of a group at once, with two-phase
 * commit: each node prepares the change (the role's password; on the coordinator also the worker
 * credentials and the user mappings through which it reaches the workers), the product stores the
 * new password, and only then does every node commit. A node that cannot prepare leaves every
 * node, and the stored password, as they were.
 */
final class AdminPasswordChange {

    // the user mappings read the password from worker_credentials, so it never appears in SQL text
    private static final String UPDATE_USER_MAPPINGS = """
            DO $$
            DECLARE
                v_password text := (SELECT password FROM citus_internal.worker_credentials WHERE username = 'citus');
                v_node record;
            BEGIN
                FOR v_node IN SELECT nodeid FROM pg_dist_node LOOP
                    EXECUTE format('ALTER USER MAPPING FOR PUBLIC SERVER %I OPTIONS (SET password %L)',
                                   citus_internal.server_name(v_node.nodeid), v_password);
                END LOOP;
            END
            $$""";

    private AdminPasswordChange() {
    }

    /**
     * Changes the password on every node; {@code storePassword} runs once all have prepared.
     *
     * @param nodes an open superuser connection per node, coordinator first; closed by the caller
     */
    static void apply(Map<ServerGroupNode, Connection> nodes, String newPassword, Runnable storePassword) {
        String transaction = "hyperscale-admin-password-" + UUID.randomUUID();
        Map<ServerGroupNode, Connection> prepared = new LinkedHashMap<>();
        try {
            for (Map.Entry<ServerGroupNode, Connection> node : nodes.entrySet()) {
                prepare(node.getKey(), node.getValue(), newPassword, transaction);
                prepared.put(node.getKey(), node.getValue());
            }
            storePassword.run();
        } catch (SQLException | RuntimeException e) {
            for (Map.Entry<ServerGroupNode, Connection> node : nodes.entrySet()) {
                undo(node.getValue(), prepared.containsKey(node.getKey()), transaction);
            }
            throw new ClusterException("The password was not changed: " + e.getMessage(), e);
        }
        List<String> failed = new ArrayList<>();
        for (Map.Entry<ServerGroupNode, Connection> node : prepared.entrySet()) {
            try (Statement s = node.getValue().createStatement()) {
                s.execute("COMMIT PREPARED '" + transaction + "'");
            } catch (SQLException e) {
                failed.add(node.getKey().name() + " (" + e.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new ClusterException("The new password is in force except on " + String.join(", ", failed)
                    + ", which lost its connection while committing. Its change is prepared as transaction " + transaction
                    + ": run the reset again once the node is back.");
        }
    }

    private static void prepare(ServerGroupNode node, Connection c, String newPassword, String transaction) throws SQLException {
        try {
            c.setAutoCommit(false);
            // pgjdbc sends the SCRAM verifier, never the password itself, so no server log can show it
            c.unwrap(PGConnection.class).alterUserPassword(NodeTemplates.ADMIN_USER, newPassword.toCharArray(), "scram-sha-256");
            if (node.role() == NodeRole.COORDINATOR) {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE citus_internal.worker_credentials SET password = ? WHERE username = ?")) {
                    update.setString(1, newPassword);
                    update.setString(2, NodeTemplates.ADMIN_USER);
                    if (update.executeUpdate() != 1) {
                        throw new ClusterException("the coordinator has no worker credentials for " + NodeTemplates.ADMIN_USER);
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute(UPDATE_USER_MAPPINGS);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("PREPARE TRANSACTION '" + transaction + "'");
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new SQLException("node " + node.name() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static void undo(Connection c, boolean prepared, String transaction) {
        try {
            if (prepared) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK PREPARED '" + transaction + "'");
                }
            } else if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // the connection is gone, and with it the node's unprepared change
        }
    }
}
