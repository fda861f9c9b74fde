package io.hyperscalelab.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.StateServer;
import io.hyperscalelab.cluster.TestClusters;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state database as the app wires it: the embedded server or a database of your own, the
 * pool, and the Flyway migrations, through the same Spring configuration the app uses.
 */
class StateDatabaseTest {

    @Test
    void anAppRestartLosesNothing() throws Exception {
        ClusterProperties cluster = TestClusters.freshProperties("state-app-restart");

        StateDatabases.app(cluster).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(StateDatabase.class).embeddedServer()).isPresent();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            jdbc.sql("INSERT INTO account (username, password_hash, role, deployment_id) VALUES (?, ?, 'LEARNER', 123456)")
                    .params("odl_user_123456@hyperscalelab.onmicrosoft.com", "{bcrypt}x")
                    .update();
        });
        // the context is closed: the pool first, then the embedded server
        assertThat(Files.exists(cluster.dataDirectory().resolve("state/pgdata/postmaster.pid"))).isFalse();

        StateDatabases.app(cluster).run(context -> {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT deployment_id FROM account WHERE username = ?")
                    .param("odl_user_123456@hyperscalelab.onmicrosoft.com").query(Integer.class).single())
                    .isEqualTo(123456);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
                    .isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void aDatabaseOfYourOwnReplacesTheEmbeddedServer() throws Exception {
        ClusterProperties elsewhere = TestClusters.freshProperties("state-elsewhere");
        ClusterProperties cluster = TestClusters.freshProperties("state-external");
        try (StateServer own = StateServer.start(elsewhere.dataDirectory(), elsewhere.serverUid())) {
            StateDatabases.app(cluster)
                    .withPropertyValues("hyperscale.state.url=" + own.jdbcUrl(),
                            "hyperscale.state.username=" + own.username(),
                            "hyperscale.state.password=" + own.password())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(StateDatabase.class).embeddedServer()).isEmpty();
                        assertThat(context.getBean(StateDatabase.class).url()).isEqualTo(own.jdbcUrl());
                        JdbcClient jdbc = context.getBean(JdbcClient.class);
                        assertThat(jdbc.sql("SELECT inet_server_port()").query(Integer.class).single()).isEqualTo(own.port());
                        assertThat(jdbc.sql("SELECT to_regclass('account') IS NOT NULL").query(Boolean.class).single()).isTrue();
                        assertThat(context.getBean(DataSource.class)).isNotNull();
                    });
            assertThat(Files.exists(cluster.dataDirectory().resolve("state"))).isFalse();
        }
    }

    @Test
    void anInvalidUrlIsRefusedWithAClearMessage() throws Exception {
        ClusterProperties cluster = TestClusters.freshProperties("state-bad-url");
        StateDatabases.app(cluster).withPropertyValues("hyperscale.state.url=mysql://localhost/x").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("hyperscale.state.url must be a PostgreSQL JDBC URL");
        });
    }
}
