package io.hyperscalelab.cluster;

public enum NodeRole {
    COORDINATOR, WORKER
}
