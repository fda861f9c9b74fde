package io.hyperscalelab.cluster;

/** A node's state, in the words the Azure portal uses on the Overview blade. */
public enum NodeStatus {
    PROVISIONING("Provisioning"),
    AVAILABLE("Available"),
    NEED_ATTENTION("Need attention"),
    DROPPING("Dropping"),
    DISABLED("Disabled"),
    /** Stopped because nobody used the group for a while; the next action starts it again. */
    STOPPED_IDLE("Stopped (idle)"),
    STARTING("Starting"),
    STOPPING("Stopping");

    private final String label;

    NodeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
