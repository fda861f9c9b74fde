package io.hyperscalelab.execution;

import java.util.Collections;
import java.util.List;

/**
 * What a statement returned, as psql would show it.
 *
 * @param commandTag  PostgreSQL's command tag: {@code SELECT 4}, {@code UPDATE 1}, {@code CREATE TABLE}, ...
 * @param columns     empty for a statement that returns no rows
 * @param rows        each value in PostgreSQL's text form, {@code null} for SQL NULL
 * @param updateCount rows changed by INSERT/UPDATE/DELETE/MERGE/COPY, otherwise 0
 * @param notices     NOTICEs and WARNINGs the statement raised, in order
 */
public record StatementResult(String commandTag, List<ResultColumn> columns, List<List<String>> rows,
                              long updateCount, List<Notice> notices) {

    public StatementResult {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(rows);
        notices = List.copyOf(notices);
    }
}
