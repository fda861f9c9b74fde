package io.hyperscalelab.execution;

import java.util.List;

/**
 * What a real Citus coordinator's EXPLAIN says about how a statement was split: every task it
 * shows (with {@code citus.explain_all_tasks = on}, all of them), the number of tasks each job
 * had, and the coordinator's own execution time. Read from Citus' JSON format
 * ({@link CitusJsonPlanParser}) or its text format ({@link CitusTextPlanParser}); both give the
 * same model, which {@link CitusPlanBreakdown} turns into the portal's {@link Breakdown}.
 *
 * @param distributed     whether the plan has a Citus custom scan at all; a statement on local
 *                        tables only has none
 * @param jobTaskCounts   "Task Count" of every job (the main one and each distributed subplan's)
 * @param tasks           the tasks shown, in the order Citus printed them
 * @param tasksNotShown   a job said "Tasks Shown: None, ..." (a re-partition join): its tasks are counted only
 * @param executionMillis the coordinator's "Execution Time", 0 without ANALYZE
 */
public record CitusPlan(boolean distributed, List<Integer> jobTaskCounts, List<Task> tasks, boolean tasksNotShown,
                        double executionMillis) {

    public CitusPlan {
        jobTaskCounts = List.copyOf(jobTaskCounts);
        tasks = List.copyOf(tasks);
    }

    /**
     * One task as Citus shows it.
     *
     * @param host      from the task's {@code Node: host=... port=... dbname=...}
     * @param query     the SQL sent to the worker ({@code Query:}, shown with VERBOSE); empty without
     * @param rows      rows the worker's plan returned (ANALYZE), 0 without
     * @param bytes     "Tuple data received from node", which Citus rounds as pg_size_pretty does; 0 without
     * @param millis    the worker's "Execution Time" (ANALYZE), else its top node's total time, else 0
     * @param relations the tables its remote plan reads, as named there (shard tables, e.g. {@code github_events_102008})
     * @param error     Citus' "Error" when it could not get the remote plan; empty otherwise
     */
    public record Task(String host, int port, String query, long rows, long bytes, double millis, List<String> relations,
                       String error) {

        public Task {
            relations = List.copyOf(relations);
        }
    }

    /** The total of the jobs' task counts. */
    public int taskCount() {
        return jobTaskCounts.stream().mapToInt(Integer::intValue).sum();
    }

    /** A plan with no Citus custom scan: the coordinator ran it alone. */
    static CitusPlan local(double executionMillis) {
        return new CitusPlan(false, List.of(), List.of(), false, executionMillis);
    }
}
