package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * SQL of the coordinator's merge with holes for what is known only once the workers have
 * answered: the names of their result columns and the SQL that combines each aggregate (which
 * depends on the type the workers returned, e.g. whether a sum came back as bigint or numeric).
 */
final class MergeText {

    private sealed interface Part {
    }

    private record Text(String text) implements Part {
    }

    private record WorkerColumn(int index) implements Part {
    }

    private record Aggregate(int index) implements Part {
    }

    private final List<Part> parts = new ArrayList<>();

    static MergeText of(String text) {
        return new MergeText().text(text);
    }

    static MergeText column(int index) {
        return new MergeText().workerColumn(index);
    }

    MergeText text(String text) {
        if (!text.isEmpty()) {
            parts.add(new Text(text));
        }
        return this;
    }

    MergeText workerColumn(int index) {
        parts.add(new WorkerColumn(index));
        return this;
    }

    MergeText aggregate(int index) {
        parts.add(new Aggregate(index));
        return this;
    }

    MergeText append(MergeText other) {
        parts.addAll(other.parts);
        return this;
    }

    /**
     * @param column    {@code remote_scan."name"} of a worker column
     * @param aggregate the combining SQL of an aggregate
     */
    String render(IntFunction<String> column, IntFunction<String> aggregate) {
        StringBuilder sql = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                sql.append(t.text());
            } else if (part instanceof WorkerColumn c) {
                sql.append(column.apply(c.index()));
            } else if (part instanceof Aggregate a) {
                sql.append(aggregate.apply(a.index()));
            }
        }
        return sql.toString();
    }
}
