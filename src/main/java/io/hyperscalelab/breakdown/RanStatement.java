package io.hyperscalelab.breakdown;

import io.hyperscalelab.execution.Breakdown;
import java.time.Instant;

/**
 * A statement the portal ran for a learner, and how it ran.
 *
 * @param source where it was typed: {@link #QUERY_EDITOR} or {@link #CLOUD_SHELL}
 */
public record RanStatement(String sql, String source, Instant at, Breakdown breakdown) {

    public static final String QUERY_EDITOR = "Query editor";
    public static final String CLOUD_SHELL = "Cloud Shell";
}
