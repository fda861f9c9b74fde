package io.hyperscalelab.execution;

import java.util.List;

/** A statement the executor runs itself: its tasks and how their rows are merged. */
record DistributedPlan(ExecutionPath path, List<PlannedTask> tasks, MergeSpec merge) {

    DistributedPlan {
        tasks = List.copyOf(tasks);
    }
}
