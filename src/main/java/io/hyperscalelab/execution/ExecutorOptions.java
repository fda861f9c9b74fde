package io.hyperscalelab.execution;

/**
 * How hard the executor may push the workers.
 *
 * @param connectionsPerWorker   connections one session may hold to one worker; its tasks for that
 *                               worker are shared among them (Citus' max_adaptive_executor_pool_size)
 * @param connectTimeoutSeconds  how long to wait for a worker that does not answer
 */
public record ExecutorOptions(int connectionsPerWorker, int connectTimeoutSeconds) {

    /** Four connections per worker were fastest on two cores (bench/query.sh). */
    public static final ExecutorOptions DEFAULTS = new ExecutorOptions(4, 5);

    public ExecutorOptions {
        if (connectionsPerWorker < 1 || connectTimeoutSeconds < 1) {
            throw new IllegalArgumentException("connectionsPerWorker and connectTimeoutSeconds must be positive");
        }
    }
}
