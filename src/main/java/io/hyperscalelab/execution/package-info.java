/**
 * Runs a learner's SQL on a server group the way Citus does, and shows how it was split:
 * a query pinned to one value of the distribution column goes to its one shard (router), a
 * query that can be answered shard by shard runs as fragments on every worker in parallel and
 * is merged on the coordinator (multi-shard), and everything else is left to the coordinator's
 * own planner over the shards' foreign tables (coordinator fallback), which is slower but always
 * right. Every statement comes back with its {@link io.hyperscalelab.execution.Breakdown}:
 * the tasks, the workers and the time each took.
 *
 * <p>Entry point: {@link io.hyperscalelab.execution.DistributedExecutor#openLearnerSession}, one
 * {@link io.hyperscalelab.execution.LearnerSession} per learner connection: an
 * {@link io.hyperscalelab.execution.ExecutionSession} on the embedded cluster, a
 * {@link io.hyperscalelab.execution.CitusSession} on real Citus, where statements go to Citus as they
 * are and the breakdown is read from Citus' own EXPLAIN ({@link io.hyperscalelab.execution.CitusJsonPlanParser},
 * {@link io.hyperscalelab.execution.CitusTextPlanParser}, {@link io.hyperscalelab.execution.CitusPlanBreakdown}).
 */
package io.hyperscalelab.execution;
