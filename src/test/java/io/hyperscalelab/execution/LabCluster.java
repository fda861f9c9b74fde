package io.hyperscalelab.execution;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.LearnerCredentials;
import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.SqlRows;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.load.LabTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A server group (coordinator + 2 workers) and one plain PostgreSQL, both holding the lab's
 * tables, indexes and the same generated rows: the server group loaded shard by shard, plain
 * PostgreSQL by COPY. A test class builds one and shares it.
 */
final class LabCluster implements DifferentialLab {

    static final String PASSWORD = "Lab-Passw0rd!";

    final EmbeddedCluster cluster;
    final ServerGroup group;
    final PlainPostgres plain;
    final DistributedExecutor executor = new DistributedExecutor();

    private LabCluster(EmbeddedCluster cluster, ServerGroup group, PlainPostgres plain) {
        this.cluster = cluster;
        this.group = group;
        this.plain = plain;
    }

    static LabCluster start(String name, DatasetSize size) throws Exception {
        ClusterProperties properties = TestClusters.freshProperties(name);
        EmbeddedCluster cluster = new EmbeddedCluster(properties);
        ServerGroup group = cluster.create(name, 2, PASSWORD);
        PlainPostgres plain = PlainPostgres.start(properties, "plain-postgres");
        LabCluster lab = new LabCluster(cluster, group, plain);
        lab.load(size);
        return lab;
    }

    ClusterTarget target() {
        return ClusterTarget.forGroup(cluster, group.name(), new LearnerCredentials("citus", PASSWORD));
    }

    @Override
    public ExecutionSession session() throws SQLException {
        return executor.openSession(target());
    }

    @Override
    public Connection coordinator() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
    }

    @Override
    public Connection plainPostgres() throws SQLException {
        return plain.connect();
    }

    Connection superuser(ServerGroupNode node) throws SQLException {
        return cluster.superuserConnection(group.name(), node);
    }

    List<ServerGroupNode> workers() {
        return group.workers();
    }

    private void load(DatasetSize size) throws Exception {
        LabDataFiles files = new LabDataFiles(Path.of("target", "lab-data").toAbsolutePath(),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        try (Connection coordinator = coordinator(); Connection plainConnection = plainPostgres()) {
            LabTables.createAndLoad(coordinator, plainConnection, files.materialise(size), PASSWORD, List.of());
        }
    }

    /** The learner's sessions and the executor's connections on a node (role citus). */
    long citusBackends(ServerGroupNode node) throws SQLException {
        return count(node, "usename = 'citus' AND backend_type = 'client backend'");
    }

    /** The executor's connections to a worker, idle or not. */
    long executorBackends(ServerGroupNode worker) throws SQLException {
        return count(worker, "application_name = '" + WorkerConnections.APPLICATION_NAME + "'");
    }

    /** Statements of the executor still running on a worker. */
    long activeExecutorQueries(ServerGroupNode worker) throws SQLException {
        return count(worker, "application_name = '" + WorkerConnections.APPLICATION_NAME + "' AND state = 'active'");
    }

    private long count(ServerGroupNode node, String condition) throws SQLException {
        try (Connection c = superuser(node)) {
            return Long.parseLong(SqlRows.value(c, "SELECT count(*) FROM pg_stat_activity WHERE " + condition));
        }
    }

    @Override
    public boolean realCitus() {
        return false;
    }

    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        return SqlRows.table(connection, sql);
    }

    @Override
    public void close() throws Exception {
        executor.close();
        plain.close();
        cluster.groups().forEach(g -> cluster.delete(g.name()));
        cluster.close();
    }
}
