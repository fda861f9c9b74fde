package io.hyperscalelab.shell;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.load.WorkerConnectionPool;
import io.hyperscalelab.psql.PgJdbcBackend;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Cloud Shell of the running app: homes under {@code <data>/cloudshell/homes}, the lab's
 * files at lab scale under {@code <data>/lab-data} (generated on the first download), psql
 * to the coordinators from the shell's address, its statements through the distributed executor.
 */
@Configuration
class CloudShellConfiguration {

    /**
     * {@code \copy}'s worker connections, kept a minute between loads: the lab's second file
     * then starts at once, and idle backends are gone long before their group could be stopped
     * for idleness.
     */
    @Bean(destroyMethod = "close")
    WorkerConnectionPool loaderConnections() {
        return new WorkerConnectionPool(Duration.ofMinutes(1));
    }

    @Bean
    CloudShell cloudShell(ClusterProperties cluster, EmbeddedCluster embeddedCluster, DistributedExecutor executor,
                          BreakdownHistory history, WorkerConnectionPool loaderConnections) {
        LabDataFiles files = new LabDataFiles(cluster.dataDirectory().resolve("lab-data"),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        CloudShellInternet internet = new CloudShellInternet(cluster.cloudShellAddress(), CloudShellInternet.labFiles(files, DatasetSize.LAB));
        return new CloudShell(cluster.dataDirectory().resolve("cloudshell").resolve("homes"), internet,
                new PgJdbcBackend(new ServerGroupHosts(embeddedCluster), cluster.cloudShellAddress(),
                        new ExecutorRoutes(embeddedCluster, executor, history), loaderConnections));
    }
}
