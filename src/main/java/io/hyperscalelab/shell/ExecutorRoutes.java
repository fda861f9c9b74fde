package io.hyperscalelab.shell;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.LearnerCredentials;
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
 * statement's breakdown is kept in the group's {@link BreakdownHistory}. On a real Citus cluster the
 * statements go to Citus as they are, with breakdowns from Citus' own EXPLAIN. Any other connection
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
        Optional<ServerGroup> group = request.password() != null
                ? cluster.groupOfLearner(serverPort(connection), request.database(), request.user()) : Optional.empty();
        if (group.isEmpty()) {
            return StatementRoute.direct(connection);
        }
        ClusterTarget target = ClusterTarget.forGroup(cluster, group.get().name(),
                new LearnerCredentials(request.user(), request.password()));
        return new ExecutorRoute(executor.openLearnerSession(target, connection), StatementRoute.direct(connection), connection,
                statement -> history.record(group.get().name(), statement));
    }

    /** The port the server this connection reached listens on. */
    private static int serverPort(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT inet_server_port()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
