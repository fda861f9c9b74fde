package io.hyperscalelab.psql;

import java.util.List;

/**
 * What psql prints as one table: a query's rows or a backslash command's listing.
 *
 * @param title         printed above the table; null for none
 * @param headers       column names
 * @param rightAligned  per column: numbers are right-aligned
 * @param rows          cell values; null shows as psql's default null display, the empty string
 * @param footers       lines under the table; null for psql's default "(N rows)"
 */
public record Table(String title, List<String> headers, List<Boolean> rightAligned, List<List<String>> rows,
                    List<String> footers) {

    public Table {
        headers = List.copyOf(headers);
        rightAligned = List.copyOf(rightAligned);
        rows = List.copyOf(rows);
        footers = footers == null ? null : List.copyOf(footers);
    }
}
