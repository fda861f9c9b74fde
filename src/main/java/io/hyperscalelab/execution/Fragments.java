package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.List;

/** Fragments for the workers: the learner's text with each table replaced by its shard. */
final class Fragments {

    /**
     * A fragment's text around the part that names tables: {@code prefix}, then the statement's
     * text in {@code range} with every table replaced by its shard, then {@code suffix}.
     */
    record Template(String prefix, SourceSpans.Span range, String suffix) {
    }

    private Fragments() {
    }

    static PlannedTask task(int number, int shardIndex, QueryScope scope, SourceSpans spans, SourceSpans.Span range)
            throws DistributedPlanner.Unsupported {
        return task(number, shardIndex, scope, spans, new Template("", range, ""));
    }

    static List<PlannedTask> tasks(List<Integer> shardIndexes, QueryScope scope, SourceSpans spans, Template template)
            throws DistributedPlanner.Unsupported {
        List<PlannedTask> tasks = new ArrayList<>();
        for (int shardIndex : shardIndexes) {
            tasks.add(task(tasks.size() + 1, shardIndex, scope, spans, template));
        }
        return tasks;
    }

    /**
     * The co-located shards of one shard index live on one worker (co-location places them so);
     * a reference table is read from its copy on that same worker. Each table keeps its name as
     * the alias ({@code FROM github_events_102008 github_events}), so qualified column
     * references still resolve.
     */
    private static PlannedTask task(int number, int shardIndex, QueryScope scope, SourceSpans spans, Template template)
            throws DistributedPlanner.Unsupported {
        WorkerNode worker = null;
        for (QueryScope.TableInstance instance : scope.distributed()) {
            WorkerNode holder = instance.citus().shards().get(shardIndex).worker();
            if (worker == null) {
                worker = holder;
            } else if (!worker.equals(holder)) {
                throw new DistributedPlanner.Unsupported("co-located shards are on different workers");
            }
        }
        TextEdits edits = new TextEdits(spans.text());
        List<ShardRef> shards = new ArrayList<>();
        for (QueryScope.TableInstance instance : scope.instances()) {
            ShardPlacement placement = instance.distributed() ? instance.citus().shards().get(shardIndex)
                    : instance.citus().copies().get(worker.nodeId());
            if (placement == null) {
                throw new DistributedPlanner.Unsupported("a reference table has no copy on " + worker);
            }
            if (shards.stream().noneMatch(s -> s.shardId() == placement.shardId())) {
                shards.add(placement.ref());
            }
            String alias = instance.table().getAlias() != null ? instance.table().getAlias().toString().strip()
                    : instance.table().getName();
            edits.replace(instance.span(), placement.qualifiedTable() + " " + alias);
        }
        String sql = template.prefix() + edits.apply(template.range()) + template.suffix();
        return new PlannedTask(number, shards, worker, sql);
    }
}
