\echo Use "CREATE EXTENSION citus_worker" to load this file. \quit

-- The coordinator reaches this table through a postgres_fdw foreign table. An INSERT therefore
-- runs inside the coordinator's remote transaction for this node: the command commits or rolls
-- back together with the coordinator's transaction, which dblink (autocommit) cannot give.
CREATE TABLE citus_internal.ddl_queue (command text NOT NULL);

-- Runs as the inserting role (no SECURITY DEFINER): a command can do no more than the role
-- that the coordinator's user mapping logs in as could do over a direct connection.
CREATE FUNCTION citus_internal.run_queued_command() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE NEW.command;
    RETURN NULL;  -- the queue is a transport: nothing is stored
END
$$;

CREATE TRIGGER run_queued_command BEFORE INSERT ON citus_internal.ddl_queue
    FOR EACH ROW EXECUTE FUNCTION citus_internal.run_queued_command();

GRANT USAGE ON SCHEMA citus_internal TO PUBLIC;
GRANT INSERT ON citus_internal.ddl_queue TO PUBLIC;
