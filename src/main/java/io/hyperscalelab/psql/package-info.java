/**
 * A psql of our own for the browser Cloud Shell: libpq's connection strings and messages,
 * psql's statement splitting and prompts, its aligned and expanded tables byte for byte, its
 * backslash commands (the ones the lab uses) and {@code \copy} through the sharded loader.
 * Statements run through {@link io.hyperscalelab.psql.SqlBackend}; this package never assumes
 * which engine answers them: {@link io.hyperscalelab.psql.PgJdbcBackend} connects, and each
 * connection's statements go along a {@link io.hyperscalelab.psql.StatementRoute} (straight to the
 * server, or through an engine that shares the connection).
 */
package io.hyperscalelab.psql;
