package io.hyperscalelab.cluster;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the real-Citus suite only when it was asked for ({@code -Pcitus}, which sets
 * {@code hyperscale.citus-suite}) and a Docker engine answers; otherwise the suite is skipped
 * and says why, so that it is never silently dropped nor failed for a missing engine.
 */
public final class RealCitusSuiteCondition implements ExecutionCondition {

    static final String PROPERTY = "hyperscale.citus-suite";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return ConditionEvaluationResult.disabled("The real-Citus suite starts the citusdata/citus images in Docker: "
                    + "run it with ./mvnw -B -Pcitus verify on a machine with a Docker engine.");
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.disabled("No Docker engine answers here, and the real-Citus suite needs one "
                    + "to start the citusdata/citus images.");
        }
        return ConditionEvaluationResult.enabled("-Pcitus asked for the real-Citus suite and Docker answers.");
    }
}
