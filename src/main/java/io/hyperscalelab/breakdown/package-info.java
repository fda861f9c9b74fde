/**
 * How a learner's statements ran, shown: the recent breakdowns of each server group (from the
 * query editor and the Cloud Shell's psql alike), the per-worker chart drawn as SVG on the
 * server, and the lab guide's figure of a distributed aggregate, drawn from a breakdown.
 * The breakdowns themselves come from {@link io.hyperscalelab.execution}.
 */
package io.hyperscalelab.breakdown;
