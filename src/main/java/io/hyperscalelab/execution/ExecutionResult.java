package io.hyperscalelab.execution;

/** A statement's result and how it ran. */
public record ExecutionResult(StatementResult result, Breakdown breakdown) {
}
