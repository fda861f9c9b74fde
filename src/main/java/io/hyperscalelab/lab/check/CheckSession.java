package io.hyperscalelab.lab.check;

import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.NodeStatus;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.SourceAddresses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One round of checks on a learner's server group: the group as the cluster knows it, its
 * recent statements, and one read-only session on its coordinator, opened when a check first
 * needs it (a round that only looks at the firewall opens none).
 */
public final class CheckSession implements AutoCloseable {

    private final EmbeddedCluster cluster;
    private final ServerGroup group;
    private final List<RanStatement> recent;
    private Connection connection;

    CheckSession(EmbeddedCluster cluster, ServerGroup group, List<RanStatement> recent) {
        this.cluster = cluster;
        this.group = group;
        this.recent = List.copyOf(recent);
    }

    public ServerGroup group() {
        return group;
    }

    public Map<ServerGroupNode, NodeStatus> statuses() {
        return cluster.status(group.name());
    }

    public Firewall firewall() {
        return cluster.firewall(group.name());
    }

    public SourceAddresses addresses() {
        return cluster.sourceAddresses();
    }

    /** The group's recent statements from the Cloud Shell and the query editor, newest first. */
    public List<RanStatement> recent() {
        return recent;
    }

    /** Every row of a query on the coordinator, each column as text. */
    public List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getString(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = cluster.readOnlyConnection(group.name());
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a session that broke has nothing left to release
            }
        }
    }
}
