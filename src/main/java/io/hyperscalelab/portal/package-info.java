/**
 * The Azure-portal look-alike, Gen-1 "Hyperscale (Citus) server group" era: Home, Create a
 * resource, the deployment options, the server group form (Basics, Networking, Tags, Review +
 * create, and the Configure server group pane), the deployment page, the list of server groups
 * and each group's blades (Overview, Query editor, Connection strings, Networking).
 *
 * <p>The form's values are one record, {@link io.hyperscalelab.portal.ServerGroupForm}, checked by
 * {@link io.hyperscalelab.portal.ServerGroupFormRules} (which calls the cluster's own name and
 * password rules) and priced by {@link io.hyperscalelab.portal.MonthlyCostEstimate}. Views read
 * the cluster; every change (create, firewall rules, admin password, delete) goes through
 * {@link io.hyperscalelab.portal.ServerGroupProvisioner}, off the UI thread, its outcome shown as an
 * Azure notification ({@link io.hyperscalelab.portal.PortalNotification}), and statuses reach the
 * browser by server push ({@link io.hyperscalelab.portal.LiveUpdates}).
 *
 * <p>A group belongs to the account that created it ({@link io.hyperscalelab.portal.ServerGroupOwners});
 * views list and open groups only through {@link io.hyperscalelab.portal.VisibleServerGroups}, so
 * another learner's group reads as if it did not exist. An instructor sees their own groups and
 * those of their classes' learners. What the portal knows of a group beyond its servers (the form
 * it was created from) is kept in the state database ({@link io.hyperscalelab.portal.ServerGroupResources}).
 *
 * <p>Portal settings ({@link io.hyperscalelab.portal.SettingsView}) show which cluster the groups live
 * on and the health of a configured real Citus cluster.
 *
 * <p>The query editor runs a learner's statements through the distributed executor in a session of
 * its own ({@link io.hyperscalelab.portal.QueryEditorSession}), off the UI thread, and shows how
 * each ran ({@link io.hyperscalelab.portal.BreakdownPanel}).
 */
package io.hyperscalelab.portal;
