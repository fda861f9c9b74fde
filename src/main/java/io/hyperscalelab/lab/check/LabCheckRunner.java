package io.hyperscalelab.lab.check;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.DeploymentId;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs a learner's checks against their own server group, off the caller's thread (two at a time
 * for the whole app, so that many learners pressing "Check my work" cannot crowd the machine),
 * records the steps that passed, and gathers the Conclusions' figures.
 *
 * <p>The learner's group is the one named after their deployment ({@code postgresNNNNNN}), the
 * name the guide tells them to give it.
 */
@Service
public class LabCheckRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LabCheckRunner.class);

    private final EmbeddedCluster cluster;
    private final BreakdownHistory history;
    private final LabSteps steps;
    private final LabChecks checks;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, daemon("lab-checks"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("lab-checks-timer"));

    LabCheckRunner(EmbeddedCluster cluster, BreakdownHistory history, LabSteps steps, LabChecks checks) {
        this.cluster = cluster;
        this.history = history;
        this.steps = steps;
        this.checks = checks;
    }

    /** The learner's server group, if it exists. */
    public Optional<ServerGroup> groupOf(Account account) {
        return account.deployment().map(DeploymentId::serverGroupName).flatMap(cluster::group);
    }

    /** Checks the given steps now; each outcome says what was found and whether the step is done. */
    public CompletableFuture<List<StepOutcome>> check(Account account, List<String> stepIds) {
        return CompletableFuture.supplyAsync(() -> checkNow(account, stepIds), executor);
    }

    /** The learner's own figures for the Conclusions page; empty without a server group. */
    public CompletableFuture<Optional<LabFigures>> figures(Account account) {
        return CompletableFuture.supplyAsync(() -> groupOf(account).map(group -> figuresNow(account, group)), executor);
    }

    List<StepOutcome> checkNow(Account account, List<String> stepIds) {
        Optional<ServerGroup> group = groupOf(account);
        List<StepOutcome> outcomes = new ArrayList<>();
        try (CheckSession session = group.map(g -> new CheckSession(cluster, g, history.recent(g.name()))).orElse(null)) {
            for (StepCheck check : steps.checks(stepIds)) {
                CheckResult result = session == null ? CheckResult.notYet(noGroup(account)) : run(check, session);
                if (result.passed()) {
                    checks.recordDone(account.id(), check.step().id(), result.detail());
                }
                outcomes.add(new StepOutcome(check.step(), result, Optional.empty()));
            }
        }
        Map<String, DoneStep> done = doneSteps(account);
        return outcomes.stream().map(o -> new StepOutcome(o.step(), o.result(), Optional.ofNullable(done.get(o.step().id()))))
                .toList();
    }

    /** The learner's done steps by id. */
    public Map<String, DoneStep> doneSteps(Account account) {
        return checks.doneSteps(account.id()).stream()
                .collect(Collectors.toMap(DoneStep::step, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static CheckResult run(StepCheck check, CheckSession session) {
        try {
            return check.check(session);
        } catch (SQLException | RuntimeException e) {
            log.info("Lab check {} on {} could not run: {}", check.step().id(), session.group().name(), e.getMessage());
            return CheckResult.notYet("The check could not look at your server group just now (" + e.getMessage()
                    + "). Try again in a moment.");
        }
    }

    private static String noGroup(Account account) {
        return account.deployment().map(d -> "There is no server group named " + d.serverGroupName()
                + " yet: create it in Exercise 1.").orElse("This account has no lab server group.");
    }

    private LabFigures figuresNow(Account account, ServerGroup group) {
        Map<String, DoneStep> done = doneSteps(account);
        try (CheckSession session = new CheckSession(cluster, group, history.recent(group.name()))) {
            List<LabFigures.TableFigure> tables = new ArrayList<>();
            List<LabFigures.WorkerFigure> workers = new ArrayList<>();
            try {
                Map<String, Map<String, String>> existing = LabTables.existing(session);
                Map<String, TableDistribution> distribution = TableDistribution.of(session);
                for (String table : LabTables.NAMES) {
                    if (existing.containsKey(table)) {
                        TableDistribution d = distribution.get(table);
                        tables.add(new LabFigures.TableFigure(table, d == null ? null : d.column(), d == null ? 0 : d.shards(),
                                DataLoaded.count(session, table)));
                    }
                }
                Map<Integer, Long> rowsByPort = ShardRows.byWorkerPort(session, distribution.keySet());
                for (ServerGroupNode worker : group.workers()) {
                    Map<String, Integer> shards = new LinkedHashMap<>();
                    distribution.values().forEach(d -> shards.put(d.table(), d.shardsByWorkerPort().getOrDefault(worker.port(), 0)));
                    workers.add(new LabFigures.WorkerFigure(worker.name(), worker.host() + ":" + worker.port(), shards,
                            Optional.ofNullable(rowsByPort.get(worker.port()))));
                }
            } catch (SQLException | RuntimeException e) {
                log.info("The figures of {} could not be read: {}", group.name(), e.getMessage());
            }
            List<LabFigures.QueryFigure> queries = new ArrayList<>();
            for (LabQuery query : LabQuery.values()) {
                queries.add(new LabFigures.QueryFigure(query, new LabQueryRan(query).latest(session),
                        Optional.ofNullable(done.get(query.stepId())).map(DoneStep::detail)));
            }
            return new LabFigures(group.name(), tables, workers, queries);
        }
    }

    /**
     * Runs {@code task} every {@code period} until the returned action is run: for looking again
     * at what a learner does outside any statement (a deployment, a firewall rule). The task must
     * be quick (it hands its work to a UI); if it throws, it stops.
     */
    public Runnable every(Duration period, Runnable task) {
        ScheduledFuture<?> scheduled = timer.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> scheduled.cancel(false);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        timer.shutdownNow();
    }
}
