package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Java hash against the coordinator's own routing, on random and boundary keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitusHashTest {

    private EmbeddedCluster cluster;
    private ServerGroup group;

    @BeforeAll
    void startGroup() throws Exception {
        cluster = new EmbeddedCluster(TestClusters.freshProperties("hash"));
        group = cluster.create("hash", 2, "Lab-Passw0rd!");
    }

    @AfterAll
    void stopGroup() {
        cluster.delete(group.name());
        cluster.close();
    }

    @Test
    void javaHashEqualsPostgresHashint8() throws Exception {
        List<Long> keys = keys();
        try (Connection c = cluster.superuserConnection(group.name(), group.coordinator());
             PreparedStatement ps = c.prepareStatement("SELECT k, hashint8(k) FROM unnest(?::bigint[]) k")) {
            ps.setArray(1, c.createArrayOf("bigint", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                int checked = 0;
                while (rs.next()) {
                    assertThat(CitusHash.hashInt8(rs.getLong(1))).as("hashint8(%d)", rs.getLong(1)).isEqualTo(rs.getInt(2));
                    checked++;
                }
                assertThat(checked).isEqualTo(keys.size());
            }
        }
    }

    @Test
    void shardIndexEqualsTheShardTheCoordinatorRoutesTo() throws Exception {
        List<Long> keys = keys().subList(0, 2000);
        try (Connection c = cluster.superuserConnection(group.name(), group.coordinator())) {
            c.createStatement().execute("CREATE TABLE routed (k bigint)");
            c.createStatement().execute("SELECT create_distributed_table('routed', 'k', shard_count => 7)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO routed SELECT unnest(?::bigint[])")) {
                insert.setArray(1, c.createArrayOf("bigint", keys.toArray()));
                insert.execute();
            }
            long firstShard;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT min(shardid) FROM pg_dist_shard WHERE logicalrelid = 'routed'::regclass")) {
                rs.next();
                firstShard = rs.getLong(1);
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT k, substring(tableoid::regclass::text from '_(\\d+)$')::bigint FROM routed")) {
                int checked = 0;
                while (rs.next()) {
                    assertThat(firstShard + CitusHash.shardIndex(rs.getLong(1), 7)).as("shard of %d", rs.getLong(1))
                            .isEqualTo(rs.getLong(2));
                    checked++;
                }
                assertThat(checked).isEqualTo(keys.size());
            }
        }
    }

    private static List<Long> keys() {
        List<Long> keys = new ArrayList<>(List.of(0L, 1L, -1L, 42L, Long.MAX_VALUE, Long.MIN_VALUE,
                (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, 1L << 32, -(1L << 32), 3861633L, 24305673L));
        SplittableRandom random = new SplittableRandom(20161201);
        for (int i = 0; i < 20_000; i++) {
            keys.add(i % 2 == 0 ? random.nextLong() : random.nextLong(-1_000_000, 50_000_000));
        }
        return keys;
    }
}
