package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.AdminPassword;
import io.hyperscalelab.cluster.ClusterException;
import io.hyperscalelab.cluster.EmbeddedCluster;
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
 * The portal's one way into the cluster for changes: it turns a checked form into a server group,
 * off the UI thread, and deletes groups. The views only read the cluster's statuses.
 */
@Service
public class ServerGroupProvisioner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServerGroupProvisioner.class);
    private static final DateTimeFormatter DEPLOYMENT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final EmbeddedCluster cluster;
    private final ServerGroupResources resources;
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

    public ServerGroupProvisioner(EmbeddedCluster cluster, ServerGroupResources resources) {
        this.cluster = cluster;
        this.resources = resources;
    }

    /** The PostgreSQL major versions a new group can run. */
    public List<Integer> availableVersions() {
        return List.of(cluster.postgresMajorVersion());
    }

    /** The form's rules as they stand now: names taken, versions shipped, resource groups. */
    public ServerGroupFormRules rules() {
        return new ServerGroupFormRules(this::nameTaken, availableVersions(), resources.resourceGroups());
    }

    public boolean nameTaken(String serverGroupName) {
        return inProgress.containsKey(serverGroupName) || cluster.group(serverGroupName).isPresent();
    }

    /**
     * Starts creating the group the form describes and returns at once; the deployment page
     * follows it. Refuses, with the reason, a form with errors or a name that is taken or
     * already being deployed, so a second click on Create never makes a second group.
     */
    public Deployment deploy(ServerGroupForm form) {
        rules().problems(form).values().stream().findFirst().ifPresent(problem -> {
            throw new ClusterException("Server group " + form.serverGroupName() + " cannot be created: " + problem);
        });
        Deployment deployment = register(form);
        if (inProgress.putIfAbsent(form.serverGroupName(), deployment) != null) {
            deployments.remove(deployment.name());
            throw new ClusterException("Server group " + form.serverGroupName() + " is already being deployed.");
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
        }, executor);
    }

    /**
     * Sets a new password for the admin role {@code citus}: empty when done, otherwise why not.
     * The cluster has no API for it yet, so the Reset the password dialog says so.
     */
    public Optional<String> resetAdminPassword(String serverGroupName, String newPassword) {
        Optional<String> problem = AdminPassword.problem(newPassword, AdminPassword.LOGIN);
        if (problem.isPresent()) {
            return problem;
        }
        return Optional.of("Resetting the password is not available yet in this version of Hyperscale Lab.");
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
     * The form's choices that the cluster acts on. Today: the name, the worker count and the
     * admin password; the version, the firewall rules and the sizes are shown by the portal only.
     */
    private void createGroup(ServerGroupForm form) {
        cluster.create(form.serverGroupName(), form.compute().workerCount(), form.adminPassword());
    }

    /** A new deployment under a name no other has, such as "Microsoft.PostgreSQLServerGroup-20201116101112". */
    private Deployment register(ServerGroupForm form) {
        String base = "Microsoft.PostgreSQLServerGroup-" + DEPLOYMENT_TIME.format(clock.instant());
        for (int i = 1; ; i++) {
            Deployment deployment = new Deployment(i == 1 ? base : base + "-" + i, form, clock.instant());
            if (deployments.putIfAbsent(deployment.name(), deployment) == null) {
                return deployment;
            }
        }
    }
}
