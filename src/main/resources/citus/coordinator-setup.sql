-- The coordinator: postgres_fdw and dblink in a schema of their own, then Citus' interface.
CREATE SCHEMA citus_internal;
CREATE EXTENSION postgres_fdw SCHEMA citus_internal;
CREATE EXTENSION dblink SCHEMA citus_internal;
CREATE EXTENSION citus;

-- auto_explain in every session, idle until a session asks: the portal's executor turns it on
-- around a statement it leaves to the coordinator's planner, to get that very execution's plan
-- (EXPLAIN ANALYZE VERBOSE, as JSON, sent as a NOTICE) for the execution breakdown. A learner
-- may use it too ("SET auto_explain.log_min_duration = 0; SET auto_explain.log_level = notice").
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET session_preload_libraries = ''auto_explain''', current_database());
END
$$;
GRANT SET ON PARAMETER auto_explain.log_min_duration, auto_explain.log_analyze, auto_explain.log_verbose,
    auto_explain.log_format, auto_explain.log_level, auto_explain.log_timing, auto_explain.log_buffers,
    auto_explain.log_nested_statements, auto_explain.log_settings, auto_explain.log_triggers TO PUBLIC;
