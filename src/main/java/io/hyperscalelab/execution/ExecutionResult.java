package io.hyperscalelab.execution;

import java.util.List;

/** A statement's result and how it ran. */
public record ExecutionResult(StatementResult result, Breakdown breakdown) {

    /** What text without a statement (blank, or only comments) gives. */
    static final ExecutionResult EMPTY = new ExecutionResult(new StatementResult("", List.of(), List.of(), 0, List.of()),
            Breakdown.of(ExecutionPath.COORDINATOR, "empty statement", List.of(), 0, 0));
}
