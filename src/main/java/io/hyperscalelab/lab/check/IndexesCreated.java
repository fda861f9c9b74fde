package io.hyperscalelab.lab.check;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Exercise 3: github_events has a B-tree index on event_type and a GIN index on payload with
 * jsonb_path_ops, whatever the learner named them.
 */
final class IndexesCreated implements StepCheck {

    private static final LabStep STEP = new LabStep("indexes", "exercise-3", "Indexes created",
            "github_events has a B-tree index on event_type and a GIN index on payload (jsonb_path_ops).");
    private static final Pattern EVENT_TYPE = Pattern.compile(" USING btree \\(event_type\\)$");
    private static final Pattern PAYLOAD = Pattern.compile(" USING gin \\(payload jsonb_path_ops\\)$");

    @Override
    public LabStep step() {
        return STEP;
    }

    @Override
    public CheckResult check(CheckSession session) throws SQLException {
        List<List<String>> indexes = session.rows("""
                SELECT i.relname, pg_catalog.pg_get_indexdef(i.oid)
                FROM pg_catalog.pg_index x
                JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
                JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname = ? AND t.relkind IN ('r', 'p')
                ORDER BY i.relname""", LabTables.EVENTS);
        Optional<String> eventType = named(indexes, EVENT_TYPE);
        Optional<String> payload = named(indexes, PAYLOAD);
        if (eventType.isEmpty()) {
            return CheckResult.notYet("github_events has no index on event_type yet: run CREATE INDEX event_type_index ...");
        }
        if (payload.isEmpty()) {
            return CheckResult.notYet("github_events has no GIN index on payload with jsonb_path_ops yet: run CREATE INDEX "
                    + "payload_index ...");
        }
        return CheckResult.passed(eventType.get() + " (B-tree on event_type) and " + payload.get() + " (GIN on payload)");
    }

    private static Optional<String> named(List<List<String>> indexes, Pattern definition) {
        return indexes.stream().filter(row -> definition.matcher(row.get(1)).find()).map(row -> row.get(0)).findFirst();
    }
}
