package io.hyperscalelab.execution;

/** A worker's share of a statement: its tasks' totals; millis is the sum of their times. */
public record WorkerTotal(WorkerNode worker, int tasks, long rows, long bytes, double millis) {
}
