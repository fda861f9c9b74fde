package io.hyperscalelab.psql;

import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.TestClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A plain PostgreSQL whose non-superuser role {@code citus} has a known password, and a
 * directory for client-side files: what the psql tests connect to as a learner would.
 */
record LearnerPostgres(PlainPostgres server, Path home) implements AutoCloseable {

    static final String PASSWORD = "Lab-Passw0rd!";

    static LearnerPostgres start(String testName) throws Exception {
        var properties = TestClusters.freshProperties(testName);
        PlainPostgres server = PlainPostgres.start(properties, "plain");
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE citus PASSWORD '" + PASSWORD + "'");
        }
        return new LearnerPostgres(server, Files.createDirectories(properties.dataDirectory().resolve("home")));
    }

    int port() {
        return server.port();
    }

    /** {@code host=127.0.0.1 port=... dbname=citus user=citus}, without the password. */
    String connectionString() {
        return "host=127.0.0.1 port=" + port() + " dbname=citus user=citus";
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
