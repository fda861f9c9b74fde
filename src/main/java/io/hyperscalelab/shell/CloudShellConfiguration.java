package io.hyperscalelab.shell;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.psql.PgJdbcBackend;
import io.hyperscalelab.psql.SqlBackend;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Cloud Shell of the running app: homes under {@code <data>/cloudshell/homes}, the lab's
 * files at lab scale under {@code <data>/lab-data} (generated on the first download), psql
 * to the coordinators of the learner's own groups from the shell's address, its statements through
 * the distributed executor.
 */
@Configuration
class CloudShellConfiguration {

    @Bean
    CloudShell cloudShell(ClusterProperties cluster, EmbeddedCluster embeddedCluster, DistributedExecutor executor,
                          BreakdownHistory history) {
        LabDataFiles files = new LabDataFiles(cluster.dataDirectory().resolve("lab-data"),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        CloudShellInternet internet = new CloudShellInternet(cluster.cloudShellAddress(), CloudShellInternet.labFiles(files, DatasetSize.LAB));
        ExecutorRoutes routes = new ExecutorRoutes(embeddedCluster, executor, history);
        Function<Predicate<String>, SqlBackend> backends = reachable -> new PgJdbcBackend(
                new ServerGroupHosts(embeddedCluster, reachable), cluster.cloudShellAddress(), routes);
        return new CloudShell(cluster.dataDirectory().resolve("cloudshell").resolve("homes"), internet, backends);
    }
}
