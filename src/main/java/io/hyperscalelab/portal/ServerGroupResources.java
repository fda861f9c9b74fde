package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ClusterException;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupName;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the portal knows about each server group beyond what the cluster runs: its subscription,
 * resource group, location, sizes, networking choices and tags, i.e. the form it was created from
 * (without the passwords). Kept as one small properties file per group under
 * {@code <data>/portal/server-groups/}, so that it outlives the app like the group itself.
 */
@Component
public class ServerGroupResources {

    private static final Logger log = LoggerFactory.getLogger(ServerGroupResources.class);

    private final Path directory;
    private final Map<String, ServerGroupForm> byName = new ConcurrentHashMap<>();

    public ServerGroupResources(ClusterProperties properties) {
        this.directory = properties.dataDirectory().resolve("portal").resolve("server-groups");
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(".properties")).forEach(this::load);
            }
        } catch (IOException e) {
            throw new ClusterException("Cannot read the portal's records in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Remembers what a group was created from; its passwords are never written. */
    public void save(ServerGroupForm form) {
        ServerGroupForm kept = form.asCreated();
        Path file = file(kept.serverGroupName());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            toProperties(kept).store(out, "Hyperscale Lab portal: server group " + kept.serverGroupName());
        } catch (IOException e) {
            throw new ClusterException("Cannot save the portal's record of " + kept.serverGroupName() + ": " + e.getMessage(), e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClusterException("Cannot save the portal's record of " + kept.serverGroupName() + ": " + e.getMessage(), e);
        }
        byName.put(kept.serverGroupName(), kept);
    }

    public Optional<ServerGroupForm> find(String serverGroupName) {
        return Optional.ofNullable(byName.get(serverGroupName));
    }

    /**
     * What the portal shows for a group: the form it was created from, or for a group made
     * another way (the API, a test) the defaults. Either way its worker count, PostgreSQL version
     * and firewall are the cluster's: the Networking blade changes the firewall after creation.
     */
    public ServerGroupForm describe(ServerGroup group) {
        ServerGroupForm form = find(group.name()).orElseGet(() -> new ServerGroupForm(LabSubscription.DEFAULT.name(), "",
                false, group.name(), "", null, null, "", "", null, false, null, null));
        ComputeConfiguration c = form.compute();
        ComputeConfiguration actual = new ComputeConfiguration(c.tier(), group.workers().size(), c.workerVCores(),
                c.workerStorageGiB(), c.coordinatorVCores(), c.coordinatorStorageGiB(), c.highAvailability());
        Firewall firewall = group.firewall();
        ConnectivityMethod connectivity = firewall.equals(Firewall.NO_ACCESS) ? ConnectivityMethod.NO_ACCESS
                : ConnectivityMethod.PUBLIC_ACCESS;
        return new ServerGroupForm(form.subscription(), form.resourceGroup(), false, form.serverGroupName(), form.location(),
                group.postgresMajorVersion(), actual, "", "", connectivity, firewall.allowAzureServices(),
                firewall.rules().stream().map(FirewallRuleInput::of).toList(), form.tags());
    }

    public void delete(String serverGroupName) {
        byName.remove(serverGroupName);
        try {
            Files.deleteIfExists(file(serverGroupName));
        } catch (IOException e) {
            log.warn("Could not remove the portal's record of {}: {}", serverGroupName, e.getMessage());
        }
    }

    /** The learner's resource groups: those that hold a server group the learner may see. */
    public List<String> resourceGroups(Predicate<String> visibleGroups) {
        return List.copyOf(new TreeSet<>(byName.values().stream().filter(form -> visibleGroups.test(form.serverGroupName()))
                .map(ServerGroupForm::resourceGroup).filter(rg -> !rg.isEmpty()).toList()));
    }

    // The name is checked before it becomes a file name.
    private Path file(String serverGroupName) {
        return directory.resolve(new ServerGroupName(serverGroupName).value() + ".properties");
    }

    private void load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            ServerGroupForm form = fromProperties(p);
            if (ServerGroupName.problem(form.serverGroupName()).isEmpty()) {
                byName.put(form.serverGroupName(), form);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the unreadable portal record {}: {}", file, e.getMessage());
        }
    }

    private static Properties toProperties(ServerGroupForm form) {
        Properties p = new Properties();
        p.setProperty("subscription", form.subscription());
        p.setProperty("resourceGroup", form.resourceGroup());
        p.setProperty("serverGroupName", form.serverGroupName());
        p.setProperty("location", form.location());
        if (form.postgresVersion() != null) {
            p.setProperty("postgresVersion", form.postgresVersion().toString());
        }
        ComputeConfiguration c = form.compute();
        p.setProperty("compute.tier", c.tier().name());
        p.setProperty("compute.workerCount", String.valueOf(c.workerCount()));
        p.setProperty("compute.workerVCores", String.valueOf(c.workerVCores()));
        p.setProperty("compute.workerStorageGiB", String.valueOf(c.workerStorageGiB()));
        p.setProperty("compute.coordinatorVCores", String.valueOf(c.coordinatorVCores()));
        p.setProperty("compute.coordinatorStorageGiB", String.valueOf(c.coordinatorStorageGiB()));
        p.setProperty("compute.highAvailability", String.valueOf(c.highAvailability()));
        p.setProperty("connectivity", form.connectivity().name());
        p.setProperty("allowAzureServices", String.valueOf(form.allowAzureServices()));
        for (int i = 0; i < form.firewallRules().size(); i++) {
            FirewallRuleInput rule = form.firewallRules().get(i);
            p.setProperty("firewall." + i + ".name", rule.name());
            p.setProperty("firewall." + i + ".startIp", rule.startIp());
            p.setProperty("firewall." + i + ".endIp", rule.endIp());
        }
        for (int i = 0; i < form.tags().size(); i++) {
            p.setProperty("tag." + i + ".name", form.tags().get(i).name());
            p.setProperty("tag." + i + ".value", form.tags().get(i).value());
        }
        return p;
    }

    private static ServerGroupForm fromProperties(Properties p) {
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
        return new ServerGroupForm(p.getProperty("subscription"), p.getProperty("resourceGroup"), false,
                p.getProperty("serverGroupName"), p.getProperty("location"), version == null ? null : Integer.valueOf(version),
                compute, "", "", ConnectivityMethod.valueOf(p.getProperty("connectivity")),
                Boolean.parseBoolean(p.getProperty("allowAzureServices")), rules, tags);
    }
}
