package io.hyperscalelab.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.StateServer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The state database and the app's one {@code DataSource} over it. Spring Boot's Flyway
 * auto-configuration then migrates it before any bean that needs the schema runs. The pool
 * depends on the database bean, so at shutdown the pool closes first and the server stops last.
 */
@Configuration
@EnableConfigurationProperties(StateProperties.class)
class StateDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    StateDatabase stateDatabase(StateProperties properties, ClusterProperties cluster) {
        if (properties.external()) {
            return StateDatabase.external(properties);
        }
        return StateDatabase.embedded(StateServer.start(cluster.dataDirectory(), cluster.serverUid()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StateDatabase database, StateProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("state");
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(properties.maximumPoolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }
}
