-- The coordinator: postgres_fdw and dblink in a schema of their own, then Citus' interface.
CREATE SCHEMA citus_internal;
CREATE EXTENSION postgres_fdw SCHEMA citus_internal;
CREATE EXTENSION dblink SCHEMA citus_internal;
CREATE EXTENSION citus;
