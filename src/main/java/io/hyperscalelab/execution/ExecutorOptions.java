package io.hyperscalelab.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard the executor may push the workers.
 *
 * @param connectionsPerWorker  connections one session may hold to one worker; its tasks for that
 *                              worker are shared among them (Citus' max_adaptive_executor_pool_size).
 *                              Four were fastest on two cores (bench/query.sh).
 * @param connectTimeoutSeconds how long to wait for a worker that does not answer
 * @param maxResultMegabytes    the most row data one statement may return, all its tasks together
 *                              (the rows are held in the portal's memory); 64 by default, as the
 *                              Cloud Shell's psql allows
 */
@ConfigurationProperties("hyperscale.executor")
public record ExecutorOptions(int connectionsPerWorker, int connectTimeoutSeconds, int maxResultMegabytes) {

    public static final ExecutorOptions DEFAULTS = new ExecutorOptions(0, 0, 0);

    public ExecutorOptions {
        if (connectionsPerWorker == 0) {
            connectionsPerWorker = 4;
        }
        if (connectTimeoutSeconds == 0) {
            connectTimeoutSeconds = 5;
        }
        if (maxResultMegabytes == 0) {
            maxResultMegabytes = 64;
        }
        if (connectionsPerWorker < 1 || connectTimeoutSeconds < 1 || maxResultMegabytes < 1) {
            throw new IllegalArgumentException("hyperscale.executor.connections-per-worker, connect-timeout-seconds and "
                    + "max-result-megabytes must be positive");
        }
    }

    ResultLimit resultLimit() {
        return ResultLimit.megabytes(maxResultMegabytes);
    }
}
