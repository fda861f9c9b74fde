package io.hyperscalelab.lab.check;

import io.hyperscalelab.breakdown.RanStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the learner built and ran, in their own figures, for the Conclusions page.
 *
 * @param tables  the lab's tables that exist, in the guide's order
 * @param workers each worker with its shards per table and the rows they hold
 * @param queries each of the lab's queries: its latest run, or what a check recorded of an
 *                earlier one (the history does not outlive the app)
 */
public record LabFigures(String serverGroup, List<TableFigure> tables, List<WorkerFigure> workers,
                         List<QueryFigure> queries) {

    /** A table: how it is distributed and how many rows it holds. */
    public record TableFigure(String table, String distributionColumn, int shards, long rows) {
    }

    /**
     * A worker's share: its shards of each table and their rows together; rows is empty when the
     * shards could not be counted.
     */
    public record WorkerFigure(String worker, String endpoint, Map<String, Integer> shardsByTable, Optional<Long> rows) {
    }

    public record QueryFigure(LabQuery query, Optional<RanStatement> latest, Optional<String> earlier) {
    }
}
