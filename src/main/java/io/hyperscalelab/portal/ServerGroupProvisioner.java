package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ClusterException;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupSpec;
import io.hyperscalelab.security.Account;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The portal's one way into the cluster for changes, each off the UI thread: it turns a checked
 * form into a server group, replaces a group's firewall rules, resets its admin password and
 * deletes it. The views only read the cluster.
 */
@Service
public class ServerGroupProvisioner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServerGroupProvisioner.class);
    private static final DateTimeFormatter DEPLOYMENT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final ServerGroups cluster;
    private final ServerGroupResources resources;
    private final ServerGroupOwners owners;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "portal-provisioning-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    /** Every deployment of this run of the app, by deployment name. */
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    /** Deployments still running, by server group name: one per name at a time. */
    private final Map<String, Deployment> inProgress = new ConcurrentHashMap<>();

    public ServerGroupProvisioner(ServerGroups cluster, ServerGroupResources resources, ServerGroupOwners owners) {
        this.cluster = cluster;
        this.resources = resources;
        this.owners = owners;
    }

    /** The PostgreSQL major versions a new group can run. */
    public List<Integer> availableVersions() {
        return cluster.availablePostgresVersions();
    }

    /**
     * The form's rules as they stand now for {@code learner}: names taken (or another learner's
     * postgresNNNNNN), versions shipped, the learner's resource groups.
     */
    public ServerGroupFormRules rules(Account learner) {
        return new ServerGroupFormRules(name -> nameTaken(name) || owners.reservedForAnother(name, learner), availableVersions(),
                resources.resourceGroups(owners.visibleTo(learner)), cluster.fixedWorkerCount());
    }

    public boolean nameTaken(String serverGroupName) {
        return inProgress.containsKey(serverGroupName) || cluster.group(serverGroupName).isPresent();
    }

    /**
     * Starts creating the group the form describes and returns at once; the deployment page
     * follows it. Refuses, with the reason, a form with errors or a name that is taken or
     * already being deployed, so a second click on Create never makes a second group. The group
     * is {@code owner}'s from the start: the deployment page is theirs to follow.
     */
    public Deployment deploy(ServerGroupForm form, Account owner) {
        rules(owner).problems(form).values().stream().findFirst().ifPresent(problem -> {
            throw new ClusterException("Server group " + form.serverGroupName() + " cannot be created: " + problem);
        });
        Deployment deployment = register(form, owner);
        if (inProgress.putIfAbsent(form.serverGroupName(), deployment) != null) {
            deployments.remove(deployment.name());
            throw new ClusterException("Server group " + form.serverGroupName() + " is already being deployed.");
        }
        try {
            owners.claim(form.serverGroupName(), owner);
        } catch (RuntimeException e) {
            inProgress.remove(form.serverGroupName(), deployment);
            deployments.remove(deployment.name());
            throw e;
        }
        executor.execute(() -> run(deployment, form));
        return deployment;
    }

    public Optional<Deployment> deployment(String deploymentName) {
        return Optional.ofNullable(deployments.get(deploymentName));
    }

    /** Stops the group's servers and removes it with its data, off the UI thread. */
    public CompletableFuture<Void> delete(String serverGroupName) {
        return CompletableFuture.runAsync(() -> {
            cluster.delete(serverGroupName);
            resources.delete(serverGroupName);
            owners.release(serverGroupName);
        }, executor);
    }

    /**
     * A fresh start for the group: deletes it and creates it again for {@code owner} as it was
     * asked for, with the worker count, version, firewall and admin password it has now (its
     * tables and data are gone). Completes with the new deployment once it has started; the
     * deployment itself may still fail, as any does.
     */
    public CompletableFuture<Deployment> recreate(String serverGroupName, Account owner) {
        Optional<ServerGroup> found = cluster.group(serverGroupName);
        if (found.isEmpty()) {
            return CompletableFuture.failedFuture(new ClusterException("There is no server group named " + serverGroupName + "."));
        }
        ServerGroup group = found.get();
        String password = cluster.learnerCredentials(serverGroupName).password();
        ServerGroupForm described = resources.describe(group);
        return delete(serverGroupName).thenApply(deleted -> {
            boolean resourceGroupLeft = resources.resourceGroups(owners.visibleTo(owner)).contains(described.resourceGroup());
            String resourceGroup = described.resourceGroup().isEmpty() ? "citus-" + serverGroupName : described.resourceGroup();
            return deploy(new ServerGroupForm(described.subscription(), resourceGroup, !resourceGroupLeft,
                    serverGroupName, described.location().isEmpty() ? Locations.DEFAULT : described.location(),
                    described.postgresVersion(), described.compute(), password, password, described.connectivity(),
                    described.allowAzureServices(), described.firewallRules(), described.tags()), owner);
        });
    }

    /**
     * The Networking blade's Save: the group's firewall, in force for new connections when the
     * result completes; completes exceptionally, with the cluster's reason, when nothing changed.
     */
    public CompletableFuture<Firewall> replaceFirewall(String serverGroupName, Firewall firewall) {
        return CompletableFuture.supplyAsync(() -> cluster.replaceFirewall(serverGroupName, firewall).firewall(), executor);
    }

    /**
     * Reset the password: a new password for the admin role {@code citus} on every node, or none
     * at all; completes exceptionally with the cluster's reason (a password its rule refuses, a
     * node that is not running).
     */
    public CompletableFuture<Void> resetAdminPassword(String serverGroupName, String newPassword) {
        return CompletableFuture.runAsync(() -> cluster.resetAdminPassword(serverGroupName, newPassword), executor);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private void run(Deployment deployment, ServerGroupForm form) {
        String failure = null;
        try {
            createGroup(form);
            resources.save(form);
        } catch (RuntimeException e) {
            log.warn("Deployment {} of server group {} failed: {}", deployment.name(), form.serverGroupName(), e.getMessage());
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            if (cluster.group(form.serverGroupName()).isEmpty()) {
                owners.release(form.serverGroupName());
            }
        }
        // Free the name first: whoever sees the deployment end may use the name again at once.
        inProgress.remove(form.serverGroupName(), deployment);
        if (failure == null) {
            deployment.succeeded(clock.instant());
        } else {
            deployment.failed(failure, clock.instant());
        }
    }

    /**
     * The form's choices that the cluster acts on: the name, the worker count, the admin password,
     * the PostgreSQL version and the firewall. The sizes and high availability are the portal's only.
     */
    private ServerGroup createGroup(ServerGroupForm form) {
        return cluster.create(new ServerGroupSpec(form.serverGroupName(), form.compute().workerCount(), form.adminPassword(),
                form.postgresVersion(), form.firewall()));
    }

    /** A new deployment under a name no other has, such as "Microsoft.PostgreSQLServerGroup-20201116101112". */
    private Deployment register(ServerGroupForm form, Account owner) {
        String base = "Microsoft.PostgreSQLServerGroup-" + DEPLOYMENT_TIME.format(clock.instant());
        for (int i = 1; ; i++) {
            Deployment deployment = new Deployment(i == 1 ? base : base + "-" + i, form, owner.id(), clock.instant());
            if (deployments.putIfAbsent(deployment.name(), deployment) == null) {
                return deployment;
            }
        }
    }
}
