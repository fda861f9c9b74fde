package io.hyperscalelab.instructor.demo;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.portal.AzureNames;
import io.hyperscalelab.portal.ComputeConfiguration;
import io.hyperscalelab.portal.ConnectivityMethod;
import io.hyperscalelab.portal.Deployment;
import io.hyperscalelab.portal.FirewallRuleInput;
import io.hyperscalelab.portal.LabSubscription;
import io.hyperscalelab.portal.Locations;
import io.hyperscalelab.portal.ServerGroupForm;
import io.hyperscalelab.portal.ServerGroupOwners;
import io.hyperscalelab.portal.ServerGroupProvisioner;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.GeneratedPassword;
import io.hyperscalelab.shell.CloudShell;
import io.hyperscalelab.shell.CloudShellSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One presentation of the demo: the instructor's demo server group ({@code demo-<account id>},
 * created on first use and kept for the next demo), and a Cloud Shell session of the product's
 * own on it, through which each step is typed exactly as a learner types it. Not thread-safe:
 * one thread (the presenter screen's worker) calls it.
 */
public final class DemoRun implements AutoCloseable {

    /** What a step printed, and how its last statement ran when it read shards. */
    public record StepResult(DemoStep step, String transcript, Optional<RanStatement> breakdown) {
    }

    static final Duration DEPLOYMENT_TIMEOUT = Duration.ofMinutes(3);
    private static final String DATA_HOST = "https://examples.citusdata.com/";
    private static final String CLOUD_SHELL_RULE = "CloudShell";

    private final Account instructor;
    private final ServerGroupProvisioner provisioner;
    private final ServerGroupOwners owners;
    private final EmbeddedCluster cluster;
    private final CloudShell cloudShell;
    private final BreakdownHistory history;
    private final String group;
    private final StringBuilder transcript = new StringBuilder();
    private CloudShellSession session;

    DemoRun(Account instructor, ServerGroupProvisioner provisioner, ServerGroupOwners owners, EmbeddedCluster cluster,
            CloudShell cloudShell, BreakdownHistory history) {
        this.instructor = instructor;
        this.provisioner = provisioner;
        this.owners = owners;
        this.cluster = cluster;
        this.cloudShell = cloudShell;
        this.history = history;
        this.group = groupName(instructor);
    }

    /** The instructor's demo group: one per instructor, named after their account. */
    static String groupName(Account instructor) {
        return "demo-" + instructor.id();
    }

    public String group() {
        return group;
    }

    /**
     * Gets everything ready that the guide does in the portal before its first code block: the
     * demo group exists and runs, its firewall admits the Cloud Shell, and the shell has the lab's
     * data files. Blocks until then; {@code progress} hears each stage.
     */
    public void prepare(Consumer<String> progress) {
        ensureGroup(progress);
        progress.accept("Opening a Cloud Shell and downloading the lab's data...");
        closeSession();
        try {
            session = cloudShell.open("demo_" + instructor.id(), transcript::append, group::equals);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo's Cloud Shell could not start: " + e.getMessage(), e);
        }
        for (String file : List.of("users.csv", "events.csv")) {
            type("curl -s -O " + DATA_HOST + file);
        }
        transcript.setLength(0);
        progress.accept("Ready: server group " + group + ".");
    }

    /** Runs one step for real and returns what it printed. */
    public StepResult run(DemoStep step) {
        if (session == null) {
            throw new IllegalStateException("The demo is not prepared");
        }
        transcript.setLength(0);
        Instant started = Instant.now();
        if (step.shell() && session.inPsql()) {
            type("\\q");
        } else if (!step.shell() && !session.inPsql()) {
            connect();
        }
        for (String line : step.lines()) {
            type(line);
        }
        Optional<RanStatement> ran = history.latest(group).filter(r -> !r.at().isBefore(started));
        return new StepResult(step, transcript.toString(), ran);
    }

    /** A fresh start: the demo group is deleted and created again, empty, and the shell opened again. */
    public void replay(Consumer<String> progress) {
        closeSession();
        progress.accept("Creating server group " + group + " again, empty...");
        try {
            await(provisioner.recreate(group, instructor).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the demo group was created again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The demo group could not be created again: " + e.getCause().getMessage(), e);
        }
        prepare(progress);
    }

    @Override
    public void close() {
        closeSession();
    }

    private void ensureGroup(Consumer<String> progress) {
        Optional<ServerGroup> existing = cluster.group(group);
        if (existing.isPresent() && !owners.groupsOf(instructor.id()).contains(group)) {
            throw new IllegalStateException("A server group named " + group + " exists and is not yours: delete it first.");
        }
        if (existing.isEmpty()) {
            progress.accept("Creating the demo's server group " + group + " (a coordinator and 2 workers)...");
            await(provisioner.deploy(form(), instructor));
            existing = cluster.group(group);
        } else if (!existing.get().running()) {
            progress.accept("Starting server group " + group + "...");
            cluster.start(group);
        }
        String shell = cluster.sourceAddresses().cloudShell();
        Firewall firewall = existing.orElseThrow().firewall();
        if (!firewall.admits(shell, cluster.sourceAddresses().azureServices())) {
            cluster.replaceFirewall(group, firewall.without(CLOUD_SHELL_RULE).with(new FirewallRule(CLOUD_SHELL_RULE, shell, shell)));
        }
    }

    /** The form a learner would fill in, with the Cloud Shell already let through the firewall. */
    private ServerGroupForm form() {
        String password = GeneratedPassword.generate(new SecureRandom());
        String shell = cluster.sourceAddresses().cloudShell();
        return new ServerGroupForm(LabSubscription.DEFAULT.name(), group, true, group, Locations.DEFAULT,
                cluster.postgresMajorVersion(), ComputeConfiguration.labDefault(), password, password,
                ConnectivityMethod.PUBLIC_ACCESS, true, List.of(new FirewallRuleInput(CLOUD_SHELL_RULE, shell, shell)), List.of());
    }

    private static void await(Deployment deployment) {
        try {
            if (!deployment.awaitEnd(DEPLOYMENT_TIMEOUT)) {
                throw new IllegalStateException("The demo group was not ready after " + DEPLOYMENT_TIMEOUT.toMinutes() + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the demo group was created", e);
        }
        deployment.failure().ifPresent(failure -> {
            throw new IllegalStateException("The demo group could not be created: " + failure);
        });
    }

    /** psql as the guide's Connection strings entry gives it, the password shown as stars. */
    private void connect() {
        String password = cluster.learnerCredentials(group).password();
        String command = "psql \"host=%s port=5432 dbname=citus user=citus password=%s sslmode=require\"";
        String host = AzureNames.fqdn(AzureNames.coordinator(group));
        transcript.append(session.prompt()).append(command.formatted(host, "********")).append('\n');
        session.line(command.formatted(host, password));
    }

    private void type(String line) {
        transcript.append(session.prompt()).append(line).append('\n');
        session.line(line);
    }

    private void closeSession() {
        if (session != null) {
            if (session.inPsql()) {
                session.line("\\q");
            }
            session = null;
        }
    }
}
