package io.hyperscalelab.cluster;

import io.hyperscalelab.lab.check.LabQuery;
import java.util.List;

/**
 * The SQL of the Azure Hyperscale (Citus) quickstart lab, character for character
 * (/work/shared/reference/azure-quickstart-lab.md, sections 3 and 4), so that every test runs
 * what a learner types.
 */
public final class QuickstartLab {

    private QuickstartLab() {
    }

    /** Section 3.1, in the lab's order: github_events first. */
    public static final List<String> CREATE_TABLES = List.of("""
            CREATE TABLE github_events
            (
                event_id bigint,
                event_type text,
                event_public boolean,
                repo_id bigint,
                payload jsonb,
                repo jsonb,
                user_id bigint,
                org jsonb,
                created_at timestamp
            );""", """
            CREATE TABLE github_users
            (
                user_id bigint,
                url text,
                login text,
                avatar_url text,
                gravatar_id text,
                display_login text
            );""");

    /** Section 3.2. */
    public static final List<String> CREATE_INDEXES = List.of(
            "CREATE INDEX event_type_index ON github_events (event_type);",
            "CREATE INDEX payload_index ON github_events USING GIN (payload jsonb_path_ops);");

    /** Section 3.3. */
    public static final List<String> DISTRIBUTE = List.of(
            "SELECT create_distributed_table('github_events', 'user_id');",
            "SELECT create_distributed_table('github_users', 'user_id');");

    /** Section 4.2, the lab's query, as the guide prints it. */
    public static final String COMMITS_PER_HOUR = LabQuery.COMMITS_PER_HOUR.sql();

    /** Section 4.2, the Citus docs' per-minute variant. */
    public static final String COMMITS_PER_MINUTE = """
            SELECT date_trunc('minute', created_at) AS minute,
                   sum((payload->>'distinct_size')::int) AS num_commits
            FROM github_events
            WHERE event_type = 'PushEvent'
            GROUP BY minute
            ORDER BY minute;""";

    /** Section 4.2, the 2022 quickstart's variant. */
    public static final String COMMITS_PER_HOUR_TO_MASTER = """
            SELECT date_trunc('hour', created_at) AS hour,
                   sum((payload->>'distinct_size')::int) AS num_commits
            FROM github_events
            WHERE event_type = 'PushEvent' AND payload @> '{"ref":"refs/heads/master"}'
            GROUP BY hour
            ORDER BY hour;""";

    /** Section 4.3, the co-located join, as the guide prints it. */
    public static final String TOP_CREATORS = LabQuery.TOP_CREATORS.sql();

    /** Section 4.4 with the user id left open (the lab's 3861633 is not in generated data). */
    public static String singleUserLookup(long userId) {
        return """
                SELECT created_at, event_type, repo->>'name' AS repo_name
                  FROM github_events
                 WHERE user_id = %d;""".formatted(userId);
    }

    /** Section 4.5, the Citus tutorial's UPDATE with the user id left open. */
    public static String renameUser(long userId) {
        return "UPDATE github_users SET display_login = 'no1youknow' WHERE user_id = %d;".formatted(userId);
    }
}
