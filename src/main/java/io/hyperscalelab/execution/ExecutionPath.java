package io.hyperscalelab.execution;

/** How a statement was run, named as Citus names its executor's paths. */
public enum ExecutionPath {
    /** The distribution column is pinned: the whole statement runs on one shard. */
    ROUTER("router"),
    /** Fragments run on every shard in parallel and are merged on the coordinator. */
    MULTI_SHARD("multi-shard"),
    /** The coordinator's own planner over the shards' foreign tables, or a statement that is the coordinator's alone. */
    COORDINATOR("coordinator fallback");

    private final String label;

    ExecutionPath(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
