package io.hyperscalelab.cluster;

import java.nio.file.Path;
import java.util.List;

/** One plain PostgreSQL server, the baseline that benchmarks compare a server group with. */
public final class PlainPostgres {

    private PlainPostgres() {
    }

    /**
     * Milliseconds for initdb plus a started server, the way one would set up a single node.
     * It listens on a socket in its own directory only, so trust authentication exposes nothing.
     */
    public static double initdbAndStartMillis(Path dataDirectory, ClusterProperties properties) throws Exception {
        ServerUser user = new ServerUser(properties.serverUid());
        PostgresBinaries binaries = PostgresBinaries.install(properties.dataDirectory());
        user.createOwnedDirectory(dataDirectory);
        long start = System.nanoTime();
        user.run(List.of(binaries.bin("initdb").toString(), "-D", dataDirectory.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), 120);
        PostgresServer server = new PostgresServer(binaries, user, dataDirectory);
        server.start("-p " + NodeTemplates.freePort() + " -c listen_addresses='' -c unix_socket_directories='"
                + dataDirectory + "'");
        double millis = (System.nanoTime() - start) / 1e6;
        server.kill();
        PostgresBinaries.deleteTree(dataDirectory);
        return millis;
    }
}
