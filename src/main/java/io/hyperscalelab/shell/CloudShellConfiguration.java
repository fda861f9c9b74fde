package io.hyperscalelab.shell;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.load.WorkerConnectionPool;
import io.hyperscalelab.psql.PgJdbcBackend;
import io.hyperscalelab.psql.SqlBackend;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The Cloud Shell of the running app: homes under {@code <data>/cloudshell/homes}, the lab's
 * files at lab scale under {@code <data>/lab-data}, psql to the coordinators of the learner's own
 * groups from the shell's address, its statements through the distributed executor.
 *
 * <p>The files are generated once per machine (about 14 s on 2 cores), in the background as soon
 * as the app is up, so that a learner's first download, minutes later, does not wait for them.
 */
@Configuration
class CloudShellConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CloudShellConfiguration.class);

    private final Supplier<LabDataPaths> labFiles;

    CloudShellConfiguration(ClusterProperties cluster) {
        LabDataFiles files = new LabDataFiles(cluster.dataDirectory().resolve("lab-data"),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        this.labFiles = CloudShellInternet.labFiles(files, DatasetSize.LAB);
    }

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
    CloudShell cloudShell(ClusterProperties cluster, ServerGroups serverGroups, DistributedExecutor executor,
                          BreakdownHistory history, WorkerConnectionPool loaderConnections) {
        CloudShellInternet internet = new CloudShellInternet(cluster.cloudShellAddress(), labFiles);
        ExecutorRoutes routes = new ExecutorRoutes(serverGroups, executor, history);
        Function<Predicate<String>, SqlBackend> backends = reachable -> new PgJdbcBackend(
                new ServerGroupHosts(serverGroups, reachable), cluster.cloudShellAddress(), routes, loaderConnections);
        return new CloudShell(cluster.dataDirectory().resolve("cloudshell").resolve("homes"), internet, backends);
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareLabFiles() {
        Thread thread = new Thread(() -> {
            try {
                labFiles.get();
            } catch (RuntimeException e) {
                // the first download tries again, and says why if it fails too
                log.warn("The lab's files could not be made ahead of the first download: {}", e.getMessage());
            }
        }, "lab-files");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
