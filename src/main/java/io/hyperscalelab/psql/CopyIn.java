package io.hyperscalelab.psql;

import java.util.List;

/**
 * A client-side load ({@code \copy ... from}): the server-side statement psql would send, and
 * what a faster path needs to know.
 *
 * @param sql        {@code COPY table [(columns)] FROM STDIN [options]}
 * @param table      the table as written
 * @param columns    the column list, empty for all columns
 * @param plainCsv   CSV with default options (no header, comma, double quote), which the
 *                   sharded loader reads
 * @param sourceName the file or program, named in errors
 * @param totalBytes the input's size when known, else 0
 */
public record CopyIn(String sql, String table, List<String> columns, boolean plainCsv, String sourceName,
                     long totalBytes) {
}
