package io.hyperscalelab.lab.check;

/**
 * The four queries of Exercise 4, as the guide prints them (a test keeps the two the same), and
 * how to recognise one the learner ran: the same text up to spacing, letter case outside quotes,
 * the closing semicolon and the numbers in it (the one-user lookup may name another user).
 */
public enum LabQuery {

    COUNT("query-count", "Count the events", """
            SELECT count(*) FROM github_events;"""),
    COMMITS_PER_HOUR("query-commits", "Commits per hour", """
            SELECT date_trunc('hour', created_at) AS hour,
                   sum((payload->>'distinct_size')::int) AS num_commits
            FROM github_events
            WHERE event_type = 'PushEvent'
            GROUP BY hour
            ORDER BY hour;"""),
    TOP_CREATORS("query-top-creators", "The users who created the most repositories", """
            SELECT login, count(*)
            FROM github_events ge
            JOIN github_users gu
            ON ge.user_id = gu.user_id
            WHERE event_type = 'CreateEvent' AND payload @> '{"ref_type": "repository"}'
            GROUP BY login
            ORDER BY count(*) DESC LIMIT 20;"""),
    ONE_USER("query-one-user", "One user's activity", """
            SELECT created_at, event_type, repo->>'name' AS repo_name
              FROM github_events
             WHERE user_id = 3861633;""");

    private final String stepId;
    private final String title;
    private final String sql;
    private final String shape;

    LabQuery(String stepId, String title, String sql) {
        this.stepId = stepId;
        this.title = title;
        this.sql = sql;
        this.shape = shape(sql);
    }

    public String stepId() {
        return stepId;
    }

    public String title() {
        return title;
    }

    public String sql() {
        return sql;
    }

    /** Whether a statement the learner ran is this query. */
    public boolean matches(String statement) {
        return shape.equals(shape(statement));
    }

    /**
     * The text with runs of white space made one space (none next to punctuation), letters in
     * lower case and numbers as {@code 0}, except inside quotes; no semicolon at the end.
     */
    static String shape(String sql) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        boolean space = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty() && isWordChar(out.charAt(out.length() - 1)) && isWordChar(c)) {
                out.append(' ');
            }
            space = false;
            if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (Character.isDigit(c) && (out.isEmpty() || !isWordChar(out.charAt(out.length() - 1)))) {
                while (i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                    i++;
                }
                out.append('0');
            } else {
                out.append(Character.toLowerCase(c));
            }
        }
        String shaped = out.toString();
        while (shaped.endsWith(";")) {
            shaped = shaped.substring(0, shaped.length() - 1);
        }
        return shaped;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
