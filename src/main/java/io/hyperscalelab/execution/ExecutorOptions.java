package io.hyperscalelab.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How hard the executor may push the workers, and how much one learner's statement may take from
 * the machine that all learners share.
 *
 * @param connectionsPerWorker  connections one session may hold to one worker; its tasks for that
 *                              worker are shared among them (Citus' max_adaptive_executor_pool_size).
 *                              Four were fastest on two cores (bench/query.sh).
 * @param connectTimeoutSeconds how long to wait for a worker that does not answer
 * @param maxResultMegabytes    the most row data one statement may return, all its tasks together
 *                              (the rows are held in the portal's memory); 64 by default, as the
 *                              Cloud Shell's psql allows
 * @param statementTimeout      the longest one statement may run, whatever the learner's own
 *                              {@code statement_timeout}; 5 minutes by default
 * @param maxResultRows         the most rows one statement may return; 100,000 by default
 */
@ConfigurationProperties("hyperscale.executor")
public record ExecutorOptions(int connectionsPerWorker, int connectTimeoutSeconds, int maxResultMegabytes,
                              Duration statementTimeout, int maxResultRows) {

    public static final ExecutorOptions DEFAULTS = new ExecutorOptions(0, 0, 0);

    @ConstructorBinding
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
        if (statementTimeout == null) {
            statementTimeout = Duration.ofMinutes(5);
        }
        if (maxResultRows == 0) {
            maxResultRows = 100_000;
        }
        if (connectionsPerWorker < 1 || connectTimeoutSeconds < 1 || maxResultMegabytes < 1 || maxResultRows < 1) {
            throw new IllegalArgumentException("hyperscale.executor.connections-per-worker, connect-timeout-seconds, "
                    + "max-result-megabytes and max-result-rows must be positive");
        }
        if (statementTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("hyperscale.executor.statement-timeout must be positive, not " + statementTimeout);
        }
    }

    /** The default limits on statements, with these pool settings. */
    public ExecutorOptions(int connectionsPerWorker, int connectTimeoutSeconds, int maxResultMegabytes) {
        this(connectionsPerWorker, connectTimeoutSeconds, maxResultMegabytes, null, 0);
    }

    ResultLimit resultLimit() {
        return ResultLimit.megabytes(maxResultMegabytes);
    }

    StatementLimits statementLimits() {
        return new StatementLimits(statementTimeout, maxResultRows);
    }
}
