package io.hyperscalelab.classroom;

/** One step of the lab, as the dashboard counts and names it. */
public record LabStep(String id, String title) {
}
