/**
 * Server groups, behind one interface, {@link io.hyperscalelab.cluster.ServerGroups}, that the portal,
 * the query editor, the Cloud Shell and the lab panel use. {@link io.hyperscalelab.cluster.ActiveCluster}
 * is the one in use: the real Citus cluster {@code hyperscale.citus.url} names
 * ({@link io.hyperscalelab.cluster.RealCitusCluster}: each group a role and a schema on its coordinator,
 * checked by {@link io.hyperscalelab.cluster.CitusProbe}) when it can be used, else the embedded cluster.
 *
 * <p>{@link io.hyperscalelab.cluster.EmbeddedCluster}: a coordinator and N worker PostgreSQL servers that this machine really runs,
 * from the PostgreSQL binaries on Maven Central (17 or 18, see {@link io.hyperscalelab.cluster.PostgresBinaries}),
 * with Citus' SQL interface installed on the coordinator. Owns their processes, data directories,
 * ports, lifecycle and statuses, and who may connect to them.
 *
 * <p>Who may connect: a coordinator requires TLS (a certificate of its own, made at provisioning)
 * and admits only what its group's {@link io.hyperscalelab.cluster.Firewall} admits, by the
 * address a connection comes from. On one machine, Azure's networks are loopback addresses:
 * 127.0.0.1 is the product (superuser only, always admitted) and the learner's own machine,
 * 127.0.0.2 the portal's own services ("Allow Azure services"), 127.0.0.3 the Cloud Shell; see
 * {@link io.hyperscalelab.cluster.SourceAddresses}. Workers admit loopback connections with a
 * password, from the coordinator and the product.
 *
 * <p>Idle groups: {@link io.hyperscalelab.cluster.IdleStopper} stops a group nobody has used for
 * {@code hyperscale.cluster.idle-stop-after} and that has no session ({@link io.hyperscalelab.cluster.LiveSessions});
 * {@link io.hyperscalelab.cluster.EmbeddedCluster#wake} starts it again for the next connection,
 * and {@link io.hyperscalelab.cluster.StoppedCoordinatorListener} tells other clients why they
 * cannot connect yet while starting it.
 */
package io.hyperscalelab.cluster;
