package io.hyperscalelab.execution;

import io.hyperscalelab.cluster.CitusContainers;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.RealCitusCluster;
import io.hyperscalelab.cluster.ServerGroupSpec;
import io.hyperscalelab.cluster.SourceAddresses;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.load.LabTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * A server group on real Citus (the citusdata/citus images in Docker, {@link CitusContainers})
 * and one plain PostgreSQL, both with the lab's tables and the same rows: Citus loads them itself,
 * through its coordinator, as a learner's {@code \copy} does.
 */
final class CitusLab implements DifferentialLab {

    private static final String PASSWORD = "Lab-Passw0rd!";

    private final CitusContainers citus;
    private final RealCitusCluster cluster;
    private final PlainPostgres plain;
    private final String group;
    private final DistributedExecutor executor = new DistributedExecutor();

    private CitusLab(CitusContainers citus, RealCitusCluster cluster, PlainPostgres plain, String group) {
        this.citus = citus;
        this.cluster = cluster;
        this.plain = plain;
        this.group = group;
    }

    static CitusLab start(String group, DatasetSize size) throws Exception {
        CitusContainers citus = CitusContainers.start();
        ClusterProperties properties = TestClusters.freshProperties(group);
        RealCitusCluster cluster = new RealCitusCluster(citus.url(), 10, properties);
        cluster.create(new ServerGroupSpec(group, 2, PASSWORD, cluster.availablePostgresVersions().get(0), Firewall.NO_ACCESS));
        CitusLab lab = new CitusLab(citus, cluster, PlainPostgres.start(properties, "plain-postgres"), group);
        LabDataFiles files = new LabDataFiles(Path.of("target", "lab-data").toAbsolutePath(),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        try (Connection coordinator = lab.coordinator(); Connection reference = lab.plainPostgres()) {
            LabTables.createAndLoad(coordinator, reference, files.materialise(size), PASSWORD, List.of());
        }
        return lab;
    }

    @Override
    public LearnerSession session() throws SQLException {
        return executor.openLearnerSession(ClusterTarget.forGroup(cluster, group, cluster.learnerCredentials(group)),
                coordinator());
    }

    @Override
    public Connection plainPostgres() throws SQLException {
        return plain.connect();
    }

    @Override
    public Connection coordinator() throws SQLException {
        Properties options = new Properties();
        options.setProperty("preferQueryMode", "simple");
        return cluster.learnerConnection(group, SourceAddresses.LEARNER_MACHINE, options);
    }

    @Override
    public boolean realCitus() {
        return true;
    }

    @Override
    public void close() throws Exception {
        executor.close();
        plain.close();
        cluster.groups().forEach(g -> cluster.delete(g.name()));
        cluster.close();
        citus.close();
    }
}
