package io.hyperscalelab.cluster;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration
@EnableConfigurationProperties({ClusterProperties.class, IdleStopProperties.class, CitusProperties.class})
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedCluster embeddedCluster(ClusterProperties properties) {
        return new EmbeddedCluster(properties);
    }

    @Bean(destroyMethod = "close")
    IdleStopper idleStopper(EmbeddedCluster cluster, IdleStopProperties properties) {
        return new IdleStopper(cluster, properties);
    }

    /** The server groups the portal shows: on the configured Citus cluster if it can be used, else embedded. */
    @Bean(destroyMethod = "close")
    @Primary
    ActiveCluster activeCluster(EmbeddedCluster embedded, CitusProperties citus, ClusterProperties properties) {
        return new ActiveCluster(embedded, citus, properties);
    }

    /** Once the app is up: bring back the groups that were running, and have templates ready. */
    @Bean
    ApplicationRunner resumeServerGroups(EmbeddedCluster cluster) {
        return args -> {
            cluster.resumeGroups();
            cluster.prepare();
        };
    }
}
