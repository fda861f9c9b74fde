package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ServerGroupName;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's records as earlier versions kept them, one properties file per group under
 * {@code <data>/portal/server-groups/}. At the first start with the state database they are
 * copied into it, and the directory is renamed {@code server-groups.imported}, so the import runs
 * once and the files stay as they were, for reference. A file that cannot be read is skipped
 * (and named in the log); a record the database already has is kept.
 */
final class ServerGroupRecordFiles {

    private static final Logger log = LoggerFactory.getLogger(ServerGroupRecordFiles.class);

    private final Path directory;

    ServerGroupRecordFiles(Path directory) {
        this.directory = directory;
    }

    void importOnce(ServerGroupResources records) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        int imported = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                try {
                    if (records.importRecord(read(file))) {
                        imported++;
                    }
                } catch (IOException | RuntimeException e) {
                    log.warn("Not importing the unreadable portal record {}: {}", file, e.getMessage());
                }
            }
            Files.move(directory, directory.resolveSibling(directory.getFileName() + ".imported"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot import the portal's records from " + directory + ": " + e.getMessage(), e);
        }
        log.info("Imported {} server group record(s) from {} into the state database", imported, directory);
    }

    static ServerGroupForm read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        ComputeConfiguration compute = new ComputeConfiguration(ComputeTier.valueOf(p.getProperty("compute.tier")),
                Integer.parseInt(p.getProperty("compute.workerCount")), Integer.parseInt(p.getProperty("compute.workerVCores")),
                Integer.parseInt(p.getProperty("compute.workerStorageGiB")),
                Integer.parseInt(p.getProperty("compute.coordinatorVCores")),
                Integer.parseInt(p.getProperty("compute.coordinatorStorageGiB")),
                Boolean.parseBoolean(p.getProperty("compute.highAvailability")));
        List<FirewallRuleInput> rules = new ArrayList<>();
        for (int i = 0; p.containsKey("firewall." + i + ".name"); i++) {
            rules.add(new FirewallRuleInput(p.getProperty("firewall." + i + ".name"),
                    p.getProperty("firewall." + i + ".startIp"), p.getProperty("firewall." + i + ".endIp")));
        }
        List<ResourceTag> tags = new ArrayList<>();
        for (int i = 0; p.containsKey("tag." + i + ".name"); i++) {
            tags.add(new ResourceTag(p.getProperty("tag." + i + ".name"), p.getProperty("tag." + i + ".value")));
        }
        String version = p.getProperty("postgresVersion");
        String name = p.getProperty("serverGroupName");
        ServerGroupName.problem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new ServerGroupForm(p.getProperty("subscription"), p.getProperty("resourceGroup"), false, name,
                p.getProperty("location"), version == null ? null : Integer.valueOf(version), compute, "", "",
                ConnectivityMethod.valueOf(p.getProperty("connectivity")), Boolean.parseBoolean(p.getProperty("allowAzureServices")),
                rules, tags);
    }
}
