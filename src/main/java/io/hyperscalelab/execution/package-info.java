/**
 * Runs a learner's SQL on a server group the way Citus does, and shows how it was split:
 * a query pinned to one value of the distribution column goes to its one shard (router), a
 * query that can be answered shard by shard runs as fragments on every worker in parallel and
 * is merged on the coordinator (multi-shard), and everything else is left to the coordinator's
 * own planner over the shards' foreign tables (coordinator fallback), which is slower but always
 * right. Every statement comes back with its {@link io.hyperscalelab.execution.Breakdown}:
 * the tasks, the workers and the time each took.
 *
 * <p>Entry point: {@link io.hyperscalelab.execution.DistributedExecutor#openSession}, one
 * {@link io.hyperscalelab.execution.ExecutionSession} per learner connection.
 */
package io.hyperscalelab.execution;
