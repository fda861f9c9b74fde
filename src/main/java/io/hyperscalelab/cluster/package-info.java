/**
 * Server groups: a coordinator and N worker PostgreSQL servers that this machine really runs,
 * from the PostgreSQL binaries on Maven Central, with Citus' SQL interface installed on the
 * coordinator. Owns their processes, data directories, ports, lifecycle and statuses.
 */
package io.hyperscalelab.cluster;
