/**
 * The product's own state database: where it runs (an embedded PostgreSQL under the data
 * directory, or any PostgreSQL named by {@code hyperscale.state.url}), the connection pool over
 * it, and its schema, migrated by Flyway from {@code src/main/resources/db/migration}.
 */
package io.hyperscalelab.state;
