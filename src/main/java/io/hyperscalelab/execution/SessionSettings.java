package io.hyperscalelab.execution;

import java.util.Map;

/**
 * What of the learner's coordinator session matters to the statements the executor runs on
 * the workers for it.
 *
 * @param propagated           settings the session changed that a worker session can take too
 *                             (TimeZone, search_path, DateStyle, statement_timeout, work_mem, ...)
 * @param statementTimeoutMillis 0 for none
 * @param explainAllTasks      citus.explain_all_tasks
 * @param roleChanged          SET ROLE is in effect: the workers' role would not be the session's
 */
record SessionSettings(Map<String, String> propagated, long statementTimeoutMillis, boolean explainAllTasks,
                       boolean roleChanged) {

    SessionSettings {
        propagated = Map.copyOf(propagated);
    }

    /**
     * The settings as the session has them. Only settings any user may change travel, and only
     * those not already the same on the workers by default; the protocol-level ones stay.
     */
    static final String QUERY = """
            SELECT name, current_setting(name) FROM pg_catalog.pg_settings
            WHERE context = 'user' AND source IN ('client', 'database', 'user', 'database user', 'session')
              AND name NOT IN ('application_name', 'client_encoding', 'role', 'session_authorization')
              AND name NOT LIKE 'auto\\_explain.%' AND name NOT LIKE 'citus.%' AND name NOT LIKE 'transaction\\_%'
            UNION ALL SELECT '~statement_timeout', setting FROM pg_catalog.pg_settings WHERE name = 'statement_timeout'
            UNION ALL SELECT '~explain_all_tasks', coalesce(current_setting('citus.explain_all_tasks', true), 'off')
            UNION ALL SELECT '~role_changed', (current_user <> session_user)::text""";
}
