package io.hyperscalelab.lab.check;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's two tables as the guide creates them, and what the coordinator's catalog says of
 * them. Only plain and partitioned tables in schema public count: a view of the same name is not
 * the learner's table (and reading one would run the learner's code).
 */
final class LabTables {

    static final String EVENTS = "github_events";
    static final String USERS = "github_users";
    static final List<String> NAMES = List.of(EVENTS, USERS);
    static final String DISTRIBUTION_COLUMN = "user_id";
    static final int SHARD_COUNT = 32;

    /** Each table's columns and types, in order, as {@code format_type} names them. */
    static final Map<String, Map<String, String>> COLUMNS = Map.of(
            EVENTS, columns("event_id", "bigint", "event_type", "text", "event_public", "boolean", "repo_id", "bigint",
                    "payload", "jsonb", "repo", "jsonb", "user_id", "bigint", "org", "jsonb",
                    "created_at", "timestamp without time zone"),
            USERS, columns("user_id", "bigint", "url", "text", "login", "text", "avatar_url", "text",
                    "gravatar_id", "text", "display_login", "text"));

    private LabTables() {
    }

    /** The lab's tables that exist, each with its columns and their types. */
    static Map<String, Map<String, String>> existing(CheckSession session) throws SQLException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (List<String> row : session.rows("""
                SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname = ANY (?)
                ORDER BY c.relname, a.attnum""", (Object) NAMES.toArray(String[]::new))) {
            Map<String, String> columns = tables.computeIfAbsent(row.get(0), t -> new LinkedHashMap<>());
            if (row.get(1) != null) {
                columns.put(row.get(1), row.get(2));
            }
        }
        return tables;
    }

    /** Why the existing tables are not the lab's, or null when they are. */
    static String problem(Map<String, Map<String, String>> existing) {
        for (String table : NAMES) {
            Map<String, String> columns = existing.get(table);
            if (columns == null) {
                return "There is no table " + table + " yet: run its CREATE TABLE (Exercise 3).";
            }
            for (Map.Entry<String, String> expected : COLUMNS.get(table).entrySet()) {
                String type = columns.get(expected.getKey());
                if (type == null) {
                    return table + " has no column " + expected.getKey() + ": drop it and create it again as the guide shows.";
                }
                if (!type.equals(expected.getValue())) {
                    return table + "." + expected.getKey() + " is " + type + ", not " + expected.getValue()
                            + ": drop the table and create it again as the guide shows.";
                }
            }
        }
        return null;
    }

    private static Map<String, String> columns(String... nameTypePairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            columns.put(nameTypePairs[i], nameTypePairs[i + 1]);
        }
        return columns;
    }
}
