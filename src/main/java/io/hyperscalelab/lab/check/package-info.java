/**
 * The lab, checked: each step of the guide that leaves a trace (the server group, the firewall
 * rule, the tables, their indexes and distribution, the rows loaded, the lab's queries) knows how
 * to verify itself against the learner's own server group, and what it found, in words a learner
 * reads ("github_events: 32 shards, 126,245 rows"). Checks look through the coordinator's
 * read-only role ({@link io.hyperscalelab.cluster.EmbeddedCluster#readOnlyConnection}) and the
 * group's {@link io.hyperscalelab.breakdown.BreakdownHistory}, never with the learner's rights.
 * A step that passed once is done for good, kept per account in the state database
 * ({@link io.hyperscalelab.lab.check.LabChecks}) for the guide's marks and for instructors.
 * The Conclusions page's figures ({@link io.hyperscalelab.lab.check.LabFigures}) come from the
 * same places.
 */
package io.hyperscalelab.lab.check;
