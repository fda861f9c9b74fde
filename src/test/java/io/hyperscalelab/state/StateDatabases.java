package io.hyperscalelab.state;

import io.hyperscalelab.cluster.ClusterProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The state database as the app wires it (the embedded server under the cluster's data
 * directory, or {@code hyperscale.state.url}, the pool and the Flyway migrations), without the
 * rest of the app: for tests of the classes that keep their state there.
 */
public final class StateDatabases {

    private StateDatabases() {
    }

    public static ApplicationContextRunner app(ClusterProperties cluster) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
                .withUserConfiguration(StateDatabaseConfiguration.class)
                .withBean(ClusterProperties.class, () -> cluster);
    }
}
