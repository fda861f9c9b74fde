package io.hyperscalelab.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of the real-Citus suite, which starts the citusdata/citus images in Docker
 * ({@link CitusContainers}). It runs with {@code ./mvnw -B -Pcitus verify} where a Docker engine
 * is; anywhere else it is reported as skipped, with the reason ({@link RealCitusSuiteCondition}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("citus")
@ExtendWith(RealCitusSuiteCondition.class)
public @interface RealCitusSuite {
}
