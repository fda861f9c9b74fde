package io.hyperscalelab.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The Citus cluster of {@code docker/compose.yaml}, started by Testcontainers for the real-Citus
 * suite: the same image (citusdata/citus, or {@code -Dhyperscale.citus.image=...}), a coordinator
 * and two workers on a network of their own under the same names, the coordinator's pg_hba.conf
 * and the workers' registration from the same files under {@code docker/citus/}.
 */
public final class CitusContainers implements AutoCloseable {

    public static final String IMAGE = System.getProperty("hyperscale.citus.image", "citusdata/citus:13.0");
    static final String ADMIN = "postgres";
    static final String PASSWORD = "Citus-Suite-Admin-1";
    private static final Path FILES = Path.of("docker", "citus");

    private final Network network;
    private final List<GenericContainer<?>> nodes;
    private final GenericContainer<?> coordinator;

    private CitusContainers(Network network, GenericContainer<?> coordinator, List<GenericContainer<?>> nodes) {
        this.network = network;
        this.coordinator = coordinator;
        this.nodes = nodes;
    }

    /** Starts the three nodes together and registers the workers with the coordinator. */
    public static CitusContainers start() throws Exception {
        Network network = Network.newNetwork();
        GenericContainer<?> coordinator = node(network, "coordinator")
                .withEnv("POSTGRES_PASSWORD", PASSWORD)
                .withCopyFileToContainer(MountableFile.forHostPath(FILES.resolve("trust-own-connections.sh"), 0755),
                        "/docker-entrypoint-initdb.d/010-trust-own-connections.sh")
                .withExposedPorts(5432);
        GenericContainer<?> worker1 = node(network, "worker1").withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
        GenericContainer<?> worker2 = node(network, "worker2").withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
        CitusContainers cluster = new CitusContainers(network, coordinator, List.of(coordinator, worker1, worker2));
        try {
            Startables.deepStart(cluster.nodes).join();
            try (Connection c = DriverManager.getConnection(cluster.url().jdbcUrl(), ADMIN, PASSWORD);
                 Statement s = c.createStatement()) {
                for (String sql : Files.readString(FILES.resolve("register-workers.sql")).split(";")) {
                    if (!sql.replaceAll("(?m)^--.*$", "").isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The coordinator as the portal reaches it: its mapped port on this machine, as the cluster's admin. */
    public CitusUrl url() {
        return CitusUrl.parse("postgresql://" + coordinator.getHost() + ":" + coordinator.getMappedPort(5432)
                + "/citus?sslmode=prefer", ADMIN, PASSWORD);
    }

    @Override
    public void close() {
        nodes.forEach(GenericContainer::stop);
        network.close();
    }

    private static GenericContainer<?> node(Network network, String name) {
        return new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withNetwork(network)
                .withNetworkAliases(name)
                .withEnv("POSTGRES_DB", "citus")
                // the image's entrypoint starts a temporary server to initialise, then the real one
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                        .withStartupTimeout(Duration.ofMinutes(3)));
    }
}
