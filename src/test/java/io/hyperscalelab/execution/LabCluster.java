package io.hyperscalelab.execution;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.load.ShardedLoader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * A server group (coordinator + 2 workers) and one plain PostgreSQL, both holding the lab's
 * tables, indexes and the same generated rows: the server group loaded shard by shard, plain
 * PostgreSQL by COPY. A test class builds one and shares it.
 */
final class LabCluster implements AutoCloseable {

    static final String PASSWORD = "Lab-Passw0rd!";
    static final List<String> TABLES = List.of("""
            CREATE TABLE github_events (event_id bigint, event_type text, event_public boolean, repo_id bigint,
                payload jsonb, repo jsonb, user_id bigint, org jsonb, created_at timestamp)""", """
            CREATE TABLE github_users (user_id bigint, url text, login text, avatar_url text, gravatar_id text,
                display_login text)""",
            "CREATE INDEX event_type_index ON github_events (event_type)",
            "CREATE INDEX payload_index ON github_events USING GIN (payload jsonb_path_ops)");

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
        return ClusterTarget.forGroup(cluster, group.name(), PASSWORD);
    }

    ExecutionSession session() throws SQLException {
        return executor.openSession(target());
    }

    /** The learner's role on the coordinator over plain JDBC, as psql would connect. */
    Connection coordinator() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
    }

    /** Plain PostgreSQL as its superuser; a plain Statement gets every value in the server's text form. */
    Connection plainPostgres() throws SQLException {
        return plain.connect();
    }

    Connection superuser(ServerGroupNode node) throws SQLException {
        return cluster.superuserConnection(group.name(), node);
    }

    List<ServerGroupNode> workers() {
        return group.workers();
    }

    /** Runs statements on both sides, the server group through the executor. */
    void onBoth(String... statements) throws Exception {
        try (ExecutionSession session = session(); Connection plainConnection = plainPostgres();
             Statement plainStatement = plainConnection.createStatement()) {
            for (String sql : statements) {
                session.execute(sql);
                plainStatement.execute(sql);
            }
        }
    }

    private void load(DatasetSize size) throws Exception {
        LabDataFiles files = new LabDataFiles(Path.of("target", "lab-data").toAbsolutePath(),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        LabDataPaths paths = files.materialise(size);
        try (Connection coordinator = coordinator(); Connection plainConnection = plainPostgres();
             Statement onCluster = coordinator.createStatement(); Statement onPlain = plainConnection.createStatement()) {
            for (String sql : TABLES) {
                onCluster.execute(sql);
                onPlain.execute(sql);
            }
            onCluster.execute("SELECT create_distributed_table('github_events', 'user_id')");
            onCluster.execute("SELECT create_distributed_table('github_users', 'user_id')");
            ShardedLoader loader = new ShardedLoader((host, port) ->
                    DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/citus", "citus", PASSWORD));
            for (String table : List.of("github_users", "github_events")) {
                Path file = table.equals("github_users") ? paths.users() : paths.events();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    loader.load(coordinator, table, in, file.getFileName().toString(), Files.size(file), p -> { });
                }
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    plainConnection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", in);
                }
            }
            onPlain.execute("ANALYZE");
            onCluster.execute("SELECT run_command_on_shards('github_events', 'ANALYZE %s')");
            onCluster.execute("SELECT run_command_on_shards('github_users', 'ANALYZE %s')");
        }
    }

    /** pg_stat_activity rows of a node for role citus (the learner's sessions and the executor's). */
    long citusBackends(ServerGroupNode node) throws SQLException {
        try (Connection c = superuser(node); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = 'citus' AND backend_type = 'client backend'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The executor's connections to a worker, idle or not. */
    long executorBackends(ServerGroupNode worker) throws SQLException {
        try (Connection c = superuser(worker); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                     + WorkerConnections.APPLICATION_NAME + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Statements of the executor still running on a worker. */
    long activeExecutorQueries(ServerGroupNode worker) throws SQLException {
        try (Connection c = superuser(worker); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                     + WorkerConnections.APPLICATION_NAME + "' AND state = 'active'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws Exception {
        executor.close();
        plain.close();
        cluster.groups().forEach(g -> cluster.delete(g.name()));
        cluster.close();
    }
}
