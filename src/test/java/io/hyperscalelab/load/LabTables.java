package io.hyperscalelab.load;

import io.hyperscalelab.cluster.QuickstartLab;
import io.hyperscalelab.data.LabDataPaths;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The lab's tables with the same rows on a server group and on one plain PostgreSQL, for
 * differential tests and benchmarks: the lab's CREATE TABLE and CREATE INDEX on both, the
 * tables distributed on the server group, the files loaded shard by shard there and by COPY on
 * plain PostgreSQL, then VACUUM ANALYZE on both.
 */
public final class LabTables {

    private LabTables() {
    }

    /**
     * @param extraIndexes statements run on both sides after the lab's indexes
     * @param password     the role citus' password on the workers
     */
    public static void createAndLoad(Connection coordinator, Connection plain, LabDataPaths files, String password,
                                     List<String> extraIndexes) throws Exception {
        try (Statement onCluster = coordinator.createStatement(); Statement onPlain = plain.createStatement()) {
            for (String sql : Stream.of(QuickstartLab.CREATE_TABLES, QuickstartLab.CREATE_INDEXES, extraIndexes)
                    .flatMap(List::stream).toList()) {
                onCluster.execute(sql);
                onPlain.execute(sql);
            }
            for (String sql : QuickstartLab.DISTRIBUTE) {
                onCluster.execute(sql);
            }
            ShardedLoader loader = new ShardedLoader((host, port) ->
                    DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/citus", "citus", password));
            for (String table : List.of("github_users", "github_events")) {
                Path file = table.equals("github_users") ? files.users() : files.events();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    loader.load(coordinator, table, in, file.getFileName().toString(), Files.size(file), p -> { });
                }
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    plain.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", in);
                }
                onCluster.execute("SELECT run_command_on_shards('" + table + "', 'VACUUM ANALYZE %s')");
                onPlain.execute("VACUUM ANALYZE " + table);
                // the coordinator's own planner wants statistics of its foreign partitions too
                onCluster.execute("ANALYZE " + table);
            }
        }
    }
}
