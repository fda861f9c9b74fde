package io.hyperscalelab.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.SqlRows;
import io.hyperscalelab.cluster.TestClusters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A coordinator without the embedded cluster's shard map (real Citus, which routes a COPY into a
 * distributed table itself, or a plain PostgreSQL) gets the rows as one COPY through it.
 */
class CoordinatorWithoutShardMapTest {

    @Test
    void theRowsGoThroughOneCopy() throws Exception {
        try (PlainPostgres plain = PlainPostgres.start(TestClusters.freshProperties("no-shard-map"), "plain");
             Connection c = plain.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE github_users (user_id bigint, login text)");
            ShardedLoader loader = new ShardedLoader((host, port) -> {
                throw new AssertionError("no worker is reached: " + host + ":" + port);
            });

            long rows = loader.load(c, "github_users", new ByteArrayInputStream("1,one\n2,two\n3,\"th,ree\"\n"
                    .getBytes(StandardCharsets.UTF_8)), "users.csv", 0, progress -> { });

            assertThat(rows).isEqualTo(3);
            assertThat(SqlRows.value(c, "SELECT string_agg(login, '|' ORDER BY user_id) FROM github_users")).isEqualTo("one|two|th,ree");
        }
    }
}
