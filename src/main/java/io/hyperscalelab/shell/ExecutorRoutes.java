package io.hyperscalelab.shell;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.execution.ClusterTarget;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.psql.ConnectionRequest;
import io.hyperscalelab.psql.StatementRoute;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Sends the Cloud Shell's psql statements through the distributed executor, as the portal's
 * query editor does, when psql is connected to a server group's coordinator as its admin role:
 * the executor then shares psql's own connection (its firewall, TLS and result limit), and each
 * statement's breakdown is kept in the group's {@link BreakdownHistory}. Any other connection
 * (another database or role, a server that is no coordinator) keeps the direct route.
 */
public final class ExecutorRoutes implements StatementRoute.Opener {

    private final ServerGroups cluster;
    private final DistributedExecutor executor;
    private final BreakdownHistory history;

    public ExecutorRoutes(ServerGroups cluster, DistributedExecutor executor, BreakdownHistory history) {
        this.cluster = cluster;
        this.executor = executor;
        this.history = history;
    }

    @Override
    public StatementRoute open(Connection connection, ConnectionRequest request) throws SQLException {
        Optional<ServerGroup> group = request.user().equals(ServerGroup.ADMIN_USERNAME)
                && request.database().equals(ServerGroup.DATABASE) && request.password() != null
                ? groupServedBy(connection) : Optional.empty();
        if (group.isEmpty()) {
            return StatementRoute.direct(connection);
        }
        ClusterTarget target = ClusterTarget.forGroup(cluster, group.get().name(), request.password());
        return new ExecutorRoute(executor.openSession(target, connection), StatementRoute.direct(connection), connection,
                statement -> history.record(group.get().name(), statement));
    }

    /** The group whose coordinator this connection reached, found by the port the server listens on. */
    private Optional<ServerGroup> groupServedBy(Connection connection) throws SQLException {
        int port;
        try (PreparedStatement ps = connection.prepareStatement("SELECT inet_server_port()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            port = rs.getInt(1);
        }
        return cluster.groups().stream().filter(g -> g.coordinator().port() == port).findFirst();
    }
}
