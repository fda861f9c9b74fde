package io.hyperscalelab.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the portal knows about each server group beyond what the cluster runs: its subscription,
 * resource group, location, sizes, networking choices and tags, i.e. the form it was created from
 * (without the passwords). Kept in the state database (table {@code server_group_record}), so that
 * it outlives the app like the group itself. Records from before the state database, one
 * properties file per group, are imported once at start ({@link ServerGroupRecordFiles}).
 */
@Component
public class ServerGroupResources {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> OBJECTS = new TypeReference<>() { };
    private static final String COLUMNS = "server_group, subscription, resource_group, location, postgres_version, tier, "
            + "worker_count, worker_vcores, worker_storage_gib, coordinator_vcores, coordinator_storage_gib, high_availability, "
            + "connectivity, allow_azure_services, firewall_rules, tags";

    private final JdbcClient jdbc;

    public ServerGroupResources(JdbcClient jdbc, ClusterProperties properties) {
        this.jdbc = jdbc;
        new ServerGroupRecordFiles(properties.dataDirectory().resolve("portal").resolve("server-groups")).importOnce(this);
    }

    /** Remembers what a group was created from; its passwords are never written. */
    public void save(ServerGroupForm form) {
        ServerGroupForm kept = form.asCreated();
        ComputeConfiguration c = kept.compute();
        jdbc.sql("INSERT INTO server_group_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?::jsonb, ?::jsonb) ON CONFLICT (server_group) DO UPDATE SET subscription = excluded.subscription, "
                        + "resource_group = excluded.resource_group, location = excluded.location, "
                        + "postgres_version = excluded.postgres_version, tier = excluded.tier, worker_count = excluded.worker_count, "
                        + "worker_vcores = excluded.worker_vcores, worker_storage_gib = excluded.worker_storage_gib, "
                        + "coordinator_vcores = excluded.coordinator_vcores, coordinator_storage_gib = excluded.coordinator_storage_gib, "
                        + "high_availability = excluded.high_availability, connectivity = excluded.connectivity, "
                        + "allow_azure_services = excluded.allow_azure_services, firewall_rules = excluded.firewall_rules, "
                        + "tags = excluded.tags, saved_at = now()")
                .params(new ServerGroupName(kept.serverGroupName()).value(), kept.subscription(), kept.resourceGroup(),
                        kept.location(), kept.postgresVersion(), c.tier().name(), c.workerCount(), c.workerVCores(),
                        c.workerStorageGiB(), c.coordinatorVCores(), c.coordinatorStorageGiB(), c.highAvailability(),
                        kept.connectivity().name(), kept.allowAzureServices(), json(kept.firewallRules().stream()
                                .map(r -> Map.of("name", r.name(), "startIp", r.startIp(), "endIp", r.endIp())).toList()),
                        json(kept.tags().stream().map(t -> Map.of("name", t.name(), "value", t.value())).toList()))
                .update();
    }

    /** Adds a record that does not exist yet; an existing one is kept. True when it was added. */
    boolean importRecord(ServerGroupForm form) {
        if (find(form.serverGroupName()).isPresent()) {
            return false;
        }
        save(form);
        return true;
    }

    public Optional<ServerGroupForm> find(String serverGroupName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM server_group_record WHERE server_group = ?").param(serverGroupName)
                .query(ServerGroupResources::form).optional();
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
        jdbc.sql("DELETE FROM server_group_record WHERE server_group = ?").param(serverGroupName).update();
    }

    /** The learner's resource groups: those that hold a server group the learner may see. */
    public List<String> resourceGroups(Predicate<String> visibleGroups) {
        record Placed(String serverGroup, String resourceGroup) {
        }
        return jdbc.sql("SELECT server_group, resource_group FROM server_group_record WHERE resource_group <> '' "
                        + "ORDER BY resource_group")
                .query((rs, row) -> new Placed(rs.getString(1), rs.getString(2))).list().stream()
                .filter(placed -> visibleGroups.test(placed.serverGroup()))
                .map(Placed::resourceGroup).distinct().toList();
    }

    private static ServerGroupForm form(ResultSet rs, int row) throws SQLException {
        ComputeConfiguration compute = new ComputeConfiguration(ComputeTier.valueOf(rs.getString("tier")),
                rs.getInt("worker_count"), rs.getInt("worker_vcores"), rs.getInt("worker_storage_gib"),
                rs.getInt("coordinator_vcores"), rs.getInt("coordinator_storage_gib"), rs.getBoolean("high_availability"));
        return new ServerGroupForm(rs.getString("subscription"), rs.getString("resource_group"), false,
                rs.getString("server_group"), rs.getString("location"), (Integer) rs.getObject("postgres_version"), compute,
                "", "", ConnectivityMethod.valueOf(rs.getString("connectivity")), rs.getBoolean("allow_azure_services"),
                parse(rs.getString("firewall_rules")).stream()
                        .map(r -> new FirewallRuleInput(r.get("name"), r.get("startIp"), r.get("endIp"))).toList(),
                parse(rs.getString("tags")).stream().map(t -> new ResourceTag(t.get("name"), t.get("value"))).toList());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }

    private static List<Map<String, String>> parse(String json) throws SQLException {
        try {
            return JSON.readValue(json, OBJECTS);
        } catch (JsonProcessingException e) {
            throw new SQLException("server_group_record holds JSON the portal cannot read: " + json, e);
        }
    }
}
