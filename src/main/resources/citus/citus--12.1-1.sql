\echo Use "CREATE EXTENSION citus" to load this file. \quit

-- Hyperscale Lab's Citus: the SQL interface of Citus 12.1 on stock PostgreSQL.
--
-- A distributed table is a PARTITION BY HASH parent on the coordinator whose partitions are
-- postgres_fdw foreign tables, one per shard, each pointing at a plain table on a worker.
-- The hash operator class makes PostgreSQL route every row to the shard whose hash range
-- contains it, with the ranges Citus itself uses (32-bit type hash, split evenly over int32),
-- so shard ids, shard ranges and get_shard_id_for_distribution_column() agree with real Citus.
--
-- Worker DDL goes through citus_internal.ddl_queue_<nodeid> (a foreign table over the worker's
-- citus_worker queue), so it commits or rolls back with the coordinator's transaction.
--
-- Requires: schema citus_internal holding postgres_fdw and dblink (the provisioner creates it).

-- The catalogs live in pg_catalog, as Citus' do, so they resolve whatever the search_path.
SET LOCAL allow_system_table_mods = on;

DO $check$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                   WHERE e.extname = 'dblink' AND n.nspname = 'citus_internal') THEN
        RAISE EXCEPTION 'the citus extension needs dblink and postgres_fdw in schema citus_internal';
    END IF;
END
$check$;

------------------------------------------------------------------------------------------
-- Metadata, with Citus' table and column names
------------------------------------------------------------------------------------------

CREATE SEQUENCE pg_catalog.pg_dist_shardid_seq MINVALUE 102008 START 102008;
CREATE SEQUENCE pg_catalog.pg_dist_placement_placementid_seq START 1;
CREATE SEQUENCE pg_catalog.pg_dist_node_nodeid_seq START 1;
CREATE SEQUENCE pg_catalog.pg_dist_groupid_seq START 1;
CREATE SEQUENCE pg_catalog.pg_dist_colocationid_seq START 1;

CREATE TABLE pg_catalog.pg_dist_node (
    nodeid int PRIMARY KEY,
    groupid int NOT NULL UNIQUE,
    nodename text NOT NULL,
    nodeport int NOT NULL DEFAULT 5432,
    noderack text NOT NULL DEFAULT 'default',
    hasmetadata boolean NOT NULL DEFAULT false,
    isactive boolean NOT NULL DEFAULT true,
    noderole text NOT NULL DEFAULT 'primary',
    nodecluster name NOT NULL DEFAULT 'default',
    metadatasynced boolean NOT NULL DEFAULT false,
    shouldhaveshards boolean NOT NULL DEFAULT true,
    UNIQUE (nodename, nodeport)
);

CREATE TABLE pg_catalog.pg_dist_colocation (
    colocationid int PRIMARY KEY,
    shardcount int NOT NULL,
    replicationfactor int NOT NULL,
    distributioncolumntype oid NOT NULL,
    distributioncolumncollation oid NOT NULL
);

CREATE TABLE pg_catalog.pg_dist_partition (
    logicalrelid regclass PRIMARY KEY,
    partmethod "char" NOT NULL,
    partkey text,
    colocationid int NOT NULL DEFAULT 0,
    repmodel "char" NOT NULL DEFAULT 's',
    autoconverted boolean NOT NULL DEFAULT false
);

CREATE TABLE pg_catalog.pg_dist_shard (
    logicalrelid regclass NOT NULL,
    shardid bigint PRIMARY KEY,
    shardstorage "char" NOT NULL DEFAULT 't',
    shardminvalue text,
    shardmaxvalue text
);
CREATE INDEX pg_dist_shard_logicalrelid_index ON pg_catalog.pg_dist_shard (logicalrelid);

CREATE TABLE pg_catalog.pg_dist_placement (
    placementid bigint PRIMARY KEY,
    shardid bigint NOT NULL,
    shardstate int NOT NULL DEFAULT 1,
    shardlength bigint NOT NULL DEFAULT 0,
    groupid int NOT NULL
);
CREATE INDEX pg_dist_placement_shardid_index ON pg_catalog.pg_dist_placement (shardid);

GRANT SELECT ON pg_catalog.pg_dist_node, pg_catalog.pg_dist_colocation, pg_catalog.pg_dist_partition,
                pg_catalog.pg_dist_shard, pg_catalog.pg_dist_placement TO PUBLIC;

-- Not Citus': what the emulation needs to remember. Readable by the superuser only.
CREATE TABLE citus_internal.worker_credentials (
    username text NOT NULL,
    password text NOT NULL
);
-- Where each shard lives on its workers (kept even if the table is renamed later).
CREATE TABLE citus_internal.shard_relation (
    shardid bigint PRIMARY KEY,
    schema_name text NOT NULL,
    table_name text NOT NULL
);
-- The columns the shards were last given, to turn an ALTER TABLE into shard DDL.
CREATE TABLE citus_internal.table_columns (
    logicalrelid oid PRIMARY KEY,
    columns jsonb NOT NULL
);
-- Indexes of Citus tables, so that DROP INDEX reaches the shards.
CREATE TABLE citus_internal.table_index (
    indexrelid oid PRIMARY KEY,
    logicalrelid oid NOT NULL,
    index_name text NOT NULL
);

-- Coordinator-side foreign partitions live here, out of the learner's \d listings.
CREATE SCHEMA citus_shard;
GRANT USAGE ON SCHEMA citus_shard TO PUBLIC;
GRANT USAGE ON SCHEMA citus_internal TO PUBLIC;

------------------------------------------------------------------------------------------
-- Internal helpers
------------------------------------------------------------------------------------------

CREATE FUNCTION citus_internal.server_name(nodeid int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'citus_node_' || nodeid $$;

-- Internal DDL must not be propagated again by the event triggers.
CREATE FUNCTION citus_internal.set_internal_ddl(active boolean) RETURNS void
LANGUAGE sql AS $$ SELECT set_config('citus_internal.internal_ddl', CASE WHEN active THEN 'on' ELSE 'off' END, true) $$;

CREATE FUNCTION citus_internal.internal_ddl_active() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('citus_internal.internal_ddl', true), '') = 'on' $$;

CREATE FUNCTION citus_internal.queue_command(nodeid int, command text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format('INSERT INTO citus_internal.%I (command) VALUES ($1)', 'ddl_queue_' || nodeid) USING command;
END
$fn$;

-- The shard table name Citus uses, <table>_<shardid>, shortened to fit in NAMEDATALEN.
CREATE FUNCTION citus_internal.shard_table_name(relname text, shardid bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT left(relname, 63 - length('_' || shardid)) || '_' || shardid
$$;

CREATE FUNCTION citus_internal.check_owner(rel regclass) RETURNS void
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
    IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = rel), 'USAGE') THEN
        RAISE EXCEPTION 'must be owner of table %', (SELECT relname FROM pg_class WHERE oid = rel)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$fn$;

CREATE FUNCTION citus_internal.is_citus_table(rel oid) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = rel::regclass) $$;

-- Placements of a table: one row per shard and node holding it.
CREATE FUNCTION citus_internal.placements(rel oid)
RETURNS TABLE (shardid bigint, shard_index int, nodeid int, schema_name text, table_name text)
LANGUAGE sql STABLE AS $$
    SELECT s.shardid, (dense_rank() OVER (ORDER BY s.shardid))::int - 1, n.nodeid, r.schema_name, r.table_name
    FROM pg_dist_shard s
    JOIN pg_dist_placement p ON p.shardid = s.shardid
    JOIN pg_dist_node n ON n.groupid = p.groupid
    JOIN citus_internal.shard_relation r ON r.shardid = s.shardid
    WHERE s.logicalrelid = rel::regclass
    ORDER BY s.shardid, n.nodeid
$$;

-- Column list of a table, as the shards need it: type, collation, NOT NULL and defaults.
-- Defaults that call nextval() stay on the coordinator, where the sequence lives.
CREATE FUNCTION citus_internal.column_list(rel regclass) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'attnum', a.attnum,
               'name', a.attname,
               'type', format_type(a.atttypid, a.atttypmod),
               'collation', CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0
                                 THEN (SELECT format('%I.%I', cn.nspname, c.collname) FROM pg_collation c
                                       JOIN pg_namespace cn ON cn.oid = c.collnamespace WHERE c.oid = a.attcollation) END,
               'notnull', a.attnotnull,
               'default', CASE WHEN d.adbin IS NOT NULL AND pg_get_expr(d.adbin, d.adrelid) NOT LIKE '%nextval(%'
                               THEN pg_get_expr(d.adbin, d.adrelid) END) ORDER BY a.attnum), '[]'::jsonb)
    FROM pg_attribute a
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped
$$;

CREATE FUNCTION citus_internal.column_definition(col jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('%I %s', col->>'name', col->>'type')
           || coalesce(' COLLATE ' || (col->>'collation'), '')
           || coalesce(' DEFAULT ' || (col->>'default'), '')
           || CASE WHEN (col->>'notnull')::boolean THEN ' NOT NULL' ELSE '' END
$$;

-- CREATE TABLE for a shard: columns, CHECK constraints, and PRIMARY KEY / UNIQUE constraints.
CREATE FUNCTION citus_internal.shard_create_command(rel regclass, schema_name text, table_name text, shardid bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT format('CREATE SCHEMA IF NOT EXISTS %I; CREATE TABLE %I.%I (%s)', schema_name, schema_name, table_name,
                  concat_ws(', ',
                      (SELECT string_agg(citus_internal.column_definition(c), ', ' ORDER BY (c->>'attnum')::int)
                       FROM jsonb_array_elements(citus_internal.column_list(rel)) c),
                      (SELECT string_agg(format('CONSTRAINT %I %s', citus_internal.shard_table_name(k.conname, shardid),
                                                pg_get_constraintdef(k.oid)), ', ' ORDER BY k.conname)
                       FROM pg_constraint k WHERE k.conrelid = rel AND k.contype IN ('c', 'p', 'u'))))
$$;

-- What follows "ON [ONLY] <table> " in an index definition: "USING method (...) ...".
-- pg_get_indexdef always prints "CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING ...";
-- cutting exactly that prefix means no quoted name can confuse the rewrite.
CREATE FUNCTION citus_internal.index_tail(index_oid oid) RETURNS text
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
    v_def text := pg_get_indexdef(index_oid);
    v_index name;
    v_unique text;
    v_table text;
    v_prefix text;
BEGIN
    SELECT ic.relname, CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END, format('%I.%I', tn.nspname, tc.relname)
      INTO v_index, v_unique, v_table
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_class tc ON tc.oid = i.indrelid
      JOIN pg_namespace tn ON tn.oid = tc.relnamespace
     WHERE i.indexrelid = index_oid;
    FOREACH v_prefix IN ARRAY ARRAY[format('CREATE %sINDEX %I ON ONLY %s ', v_unique, v_index, v_table),
                                    format('CREATE %sINDEX %I ON %s ', v_unique, v_index, v_table)] LOOP
        IF left(v_def, length(v_prefix)) = v_prefix THEN
            RETURN substr(v_def, length(v_prefix) + 1);
        END IF;
    END LOOP;
    RAISE EXCEPTION 'cannot propagate index %: unexpected definition %', v_index, v_def;
END
$fn$;

CREATE FUNCTION citus_internal.shard_index_command(index_name text, is_unique boolean, tail text,
                                                   schema_name text, table_name text, shardid bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('CREATE %sINDEX IF NOT EXISTS %I ON %I.%I %s', CASE WHEN is_unique THEN 'UNIQUE ' ELSE '' END,
                  citus_internal.shard_table_name(index_name, shardid), schema_name, table_name, tail)
$$;

-- A table's indexes that are not backing a constraint (constraints travel with CREATE TABLE).
CREATE FUNCTION citus_internal.plain_indexes(rel regclass, OUT index_oid oid, OUT index_name text, OUT is_unique boolean, OUT tail text)
RETURNS SETOF record LANGUAGE sql STABLE AS $$
    SELECT i.indexrelid, ic.relname::text, i.indisunique, citus_internal.index_tail(i.indexrelid)
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indrelid = rel
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = rel)
    ORDER BY ic.relname
$$;

-- The hash operator class that routes a type to Citus' shard ranges for a shard count.
-- Its extended hash function returns shard_index - 0x49a0f4dd15e5a8e3, because PostgreSQL's
-- hash partitioning adds that constant (hash_combine64 with 0) before taking the modulus:
-- the partition with REMAINDER i then holds exactly the values of Citus' shard i.
CREATE FUNCTION citus_internal.default_hash_class(typ oid) RETURNS oid
LANGUAGE sql STABLE AS $$
    SELECT oc.oid
    FROM pg_opclass oc
    JOIN pg_am am ON am.oid = oc.opcmethod AND am.amname = 'hash'
    WHERE oc.opcdefault
      AND (oc.opcintype = typ
           OR EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = typ AND c.casttarget = oc.opcintype AND c.castmethod = 'b'))
    ORDER BY oc.opcintype = typ DESC
    LIMIT 1
$$;

CREATE FUNCTION citus_internal.hash_function(typ oid) RETURNS regproc
LANGUAGE sql STABLE AS $$
    SELECT ap.amproc
    FROM pg_opclass oc
    JOIN pg_amproc ap ON ap.amprocfamily = oc.opcfamily AND ap.amproclefttype = oc.opcintype
                     AND ap.amprocrighttype = oc.opcintype AND ap.amprocnum = 1
    WHERE oc.oid = citus_internal.default_hash_class(typ)
$$;

CREATE FUNCTION citus_internal.ensure_hash_opclass(typ oid, shard_count int) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE
    v_increment bigint := 4294967296 / shard_count;
    v_class_oid oid := citus_internal.default_hash_class(typ);
    v_intype oid;
    v_types oid[];
    v_family text;
    v_class text;
    v_t oid;
    v_eq text;
    v_fn text;
    v_pair record;
BEGIN
    IF v_class_oid IS NULL THEN
        RAISE EXCEPTION 'could not identify a hash function for type %', format_type(typ, NULL)
            USING DETAIL = 'Partition column types must have a hash function defined to use hash partitioning.';
    END IF;
    SELECT opcintype INTO v_intype FROM pg_opclass WHERE oid = v_class_oid;
    IF v_intype IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) THEN
        -- one family for all integer widths, so "WHERE bigint_col = 42" (int4) still prunes
        v_types := ARRAY['int2'::regtype, 'int4'::regtype, 'int8'::regtype]::oid[];
        v_family := format('hash_integer_%s', shard_count);
    ELSE
        v_types := ARRAY[v_intype];
        v_family := format('hash_%s_%s', (SELECT typname FROM pg_type WHERE oid = v_intype), shard_count);
    END IF;
    v_class := format('hash_%s_%s', (SELECT typname FROM pg_type WHERE oid = v_intype), shard_count);
    IF EXISTS (SELECT 1 FROM pg_opclass oc JOIN pg_namespace n ON n.oid = oc.opcnamespace
               WHERE n.nspname = 'citus_internal' AND oc.opcname = v_class) THEN
        RETURN format('citus_internal.%I', v_class);
    END IF;

    EXECUTE format('CREATE OPERATOR FAMILY citus_internal.%I USING hash', v_family);
    FOREACH v_t IN ARRAY v_types LOOP
        SELECT format('%s (%s, %s)', o.oprname, format_type(v_t, NULL), format_type(v_t, NULL)) INTO v_eq
          FROM pg_amop ao JOIN pg_operator o ON o.oid = ao.amopopr
         WHERE ao.amopfamily = (SELECT opcfamily FROM pg_opclass WHERE oid = citus_internal.default_hash_class(v_t))
           AND ao.amoplefttype = v_t AND ao.amoprighttype = v_t AND ao.amopstrategy = 1;
        v_fn := format('shard_index_%s_%s', (SELECT typname FROM pg_type WHERE oid = v_t), shard_count);
        EXECUTE format($f$CREATE FUNCTION citus_internal.%I(value %s, seed bigint) RETURNS bigint
                          LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                          AS 'SELECT least((%s(value)::bigint + 2147483648) / %s, %s) - 5305509591434766563'$f$,
                       v_fn, format_type(v_t, NULL), citus_internal.hash_function(v_t), v_increment, shard_count - 1);
        EXECUTE format('CREATE OPERATOR CLASS citus_internal.%I FOR TYPE %s USING hash FAMILY citus_internal.%I AS '
                       'OPERATOR 1 %s, FUNCTION 1 %s(%s), FUNCTION 2 citus_internal.%I(%s, bigint)',
                       format('hash_%s_%s', (SELECT typname FROM pg_type WHERE oid = v_t), shard_count),
                       format_type(v_t, NULL), v_family, v_eq,
                       citus_internal.hash_function(v_t), format_type(v_t, NULL), v_fn, format_type(v_t, NULL));
    END LOOP;
    IF array_length(v_types, 1) > 1 THEN
        FOR v_pair IN SELECT l, r FROM unnest(v_types) l, unnest(v_types) r WHERE l <> r LOOP
            EXECUTE format('ALTER OPERATOR FAMILY citus_internal.%I USING hash ADD OPERATOR 1 = (%s, %s)',
                           v_family, format_type(v_pair.l, NULL), format_type(v_pair.r, NULL));
        END LOOP;
    END IF;
    RETURN format('citus_internal.%I', v_class);
END
$fn$;

-- The shard index (0-based) Citus would route a value to.
CREATE FUNCTION citus_internal.shard_index(rel regclass, value text) RETURNS int
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
    v_type oid;
    v_count int;
    v_index int;
BEGIN
    SELECT a.atttypid, c.shardcount INTO v_type, v_count
      FROM pg_dist_partition p
      JOIN pg_dist_colocation c ON c.colocationid = p.colocationid
      JOIN pg_attribute a ON a.attrelid = p.logicalrelid
                         AND a.attnum = substring(p.partkey from ':varattno (\d+)')::int
     WHERE p.logicalrelid = rel;
    EXECUTE format('SELECT least((%s(($1)::%s)::bigint + 2147483648) / %s, %s)::int',
                   citus_internal.hash_function(v_type), format_type(v_type, NULL), 4294967296 / v_count, v_count - 1)
       INTO v_index USING value;
    RETURN v_index;
END
$fn$;

-- Sends a table's current rows to every placement of a reference table.
CREATE FUNCTION citus_internal.copy_reference_rows(rel regclass) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
    v_rows text;
    v_placement record;
BEGIN
    EXECUTE format('SELECT coalesce(json_agg(t), ''[]'')::text FROM ONLY %s t', rel) INTO v_rows;
    FOR v_placement IN SELECT * FROM citus_internal.placements(rel) LOOP
        PERFORM citus_internal.queue_command(v_placement.nodeid,
            format('TRUNCATE %1$I.%2$I; INSERT INTO %1$I.%2$I SELECT * FROM json_populate_recordset(NULL::%1$I.%2$I, %3$L)',
                   v_placement.schema_name, v_placement.table_name, v_rows));
    END LOOP;
END
$fn$;

CREATE FUNCTION citus_internal.sync_reference_table() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
    PERFORM citus_internal.copy_reference_rows(TG_RELID::regclass);
    RETURN NULL;
END
$fn$;

-- Creates every index of the coordinator table on each placement, and remembers it.
CREATE FUNCTION citus_internal.create_shard_indexes(rel regclass, index_oid oid) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
    v_placement record;
    v_name text := (SELECT relname FROM pg_class WHERE oid = index_oid);
    v_unique boolean := (SELECT indisunique FROM pg_index WHERE indexrelid = index_oid);
    v_tail text := citus_internal.index_tail(index_oid);
BEGIN
    FOR v_placement IN SELECT * FROM citus_internal.placements(rel) LOOP
        PERFORM citus_internal.queue_command(v_placement.nodeid,
            citus_internal.shard_index_command(v_name, v_unique, v_tail, v_placement.schema_name, v_placement.table_name, v_placement.shardid));
    END LOOP;
    INSERT INTO citus_internal.table_index VALUES (index_oid, rel, (SELECT relname FROM pg_class WHERE oid = index_oid))
    ON CONFLICT (indexrelid) DO NOTHING;
END
$fn$;

-- Turns the difference between the table's columns and the shards' columns into shard DDL.
CREATE FUNCTION citus_internal.sync_columns(rel regclass) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
    v_old jsonb := (SELECT columns FROM citus_internal.table_columns WHERE logicalrelid = rel);
    v_new jsonb := citus_internal.column_list(rel);
    v_renames text[] := '{}';
    v_changes text[] := '{}';
    v_col record;
    v_placement record;
    v_sql text;
BEGIN
    FOR v_col IN
        SELECT o.value AS old, n.value AS new
        FROM jsonb_array_elements(v_old) o FULL JOIN jsonb_array_elements(v_new) n
          ON (o.value->>'attnum') = (n.value->>'attnum')
        ORDER BY coalesce(n.value->>'attnum', o.value->>'attnum')::int
    LOOP
        IF v_col.old IS NULL THEN
            v_changes := v_changes || ('ADD COLUMN ' || citus_internal.column_definition(v_col.new));
        ELSIF v_col.new IS NULL THEN
            v_changes := v_changes || format('DROP COLUMN IF EXISTS %I', v_col.old->>'name');
        ELSE
            IF v_col.old->>'name' <> v_col.new->>'name' THEN
                v_renames := v_renames || format('RENAME COLUMN %I TO %I', v_col.old->>'name', v_col.new->>'name');
            END IF;
            IF v_col.old->>'type' <> v_col.new->>'type' THEN
                v_changes := v_changes || format('ALTER COLUMN %1$I TYPE %2$s USING %1$I::%2$s', v_col.new->>'name', v_col.new->>'type');
            END IF;
            IF (v_col.old->>'default') IS DISTINCT FROM (v_col.new->>'default') THEN
                v_changes := v_changes || CASE WHEN v_col.new->>'default' IS NULL
                                               THEN format('ALTER COLUMN %I DROP DEFAULT', v_col.new->>'name')
                                               ELSE format('ALTER COLUMN %I SET DEFAULT %s', v_col.new->>'name', v_col.new->>'default') END;
            END IF;
            IF (v_col.old->>'notnull') <> (v_col.new->>'notnull') THEN
                v_changes := v_changes || format('ALTER COLUMN %I %s NOT NULL', v_col.new->>'name',
                                                 CASE WHEN (v_col.new->>'notnull')::boolean THEN 'SET' ELSE 'DROP' END);
            END IF;
        END IF;
    END LOOP;
    IF cardinality(v_renames) + cardinality(v_changes) > 0 THEN
        FOR v_placement IN SELECT * FROM citus_internal.placements(rel) LOOP
            v_sql := '';
            -- RENAME cannot share an ALTER TABLE with other subcommands
            FOR i IN 1 .. cardinality(v_renames) LOOP
                v_sql := v_sql || format('ALTER TABLE %I.%I %s; ', v_placement.schema_name, v_placement.table_name, v_renames[i]);
            END LOOP;
            IF cardinality(v_changes) > 0 THEN
                v_sql := v_sql || format('ALTER TABLE %I.%I %s', v_placement.schema_name, v_placement.table_name,
                                         array_to_string(v_changes, ', '));
            END IF;
            PERFORM citus_internal.queue_command(v_placement.nodeid, v_sql);
        END LOOP;
    END IF;
    UPDATE citus_internal.table_columns SET columns = v_new WHERE logicalrelid = rel;
END
$fn$;

-- Removes every trace of a Citus table from the metadata and drops its shards.
CREATE FUNCTION citus_internal.drop_shards(rel oid) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
    v_placement record;
    v_colocation int := (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = rel::regclass);
BEGIN
    FOR v_placement IN SELECT * FROM citus_internal.placements(rel) LOOP
        PERFORM citus_internal.queue_command(v_placement.nodeid,
            format('DROP TABLE IF EXISTS %I.%I', v_placement.schema_name, v_placement.table_name));
    END LOOP;
    DELETE FROM citus_internal.shard_relation WHERE shardid IN (SELECT shardid FROM pg_dist_shard WHERE logicalrelid = rel::regclass);
    DELETE FROM pg_dist_placement WHERE shardid IN (SELECT shardid FROM pg_dist_shard WHERE logicalrelid = rel::regclass);
    DELETE FROM pg_dist_shard WHERE logicalrelid = rel::regclass;
    DELETE FROM pg_dist_partition WHERE logicalrelid = rel::regclass;
    DELETE FROM citus_internal.table_columns WHERE logicalrelid = rel;
    DELETE FROM citus_internal.table_index WHERE logicalrelid = rel;
    DELETE FROM pg_dist_colocation c WHERE c.colocationid = v_colocation
       AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.colocationid = c.colocationid);
END
$fn$;

CREATE FUNCTION citus_internal.active_workers() RETURNS int[]
LANGUAGE sql STABLE AS $$
    SELECT array_agg(nodeid ORDER BY nodeid) FROM pg_dist_node
    WHERE isactive AND noderole = 'primary' AND shouldhaveshards
$$;

-- Checks shared by create_distributed_table and create_reference_table.
CREATE FUNCTION citus_internal.check_distributable(rel regclass) RETURNS void
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
    v_relname text := (SELECT relname FROM pg_class WHERE oid = rel);
    v_kind "char" := (SELECT relkind FROM pg_class WHERE oid = rel);
BEGIN
    PERFORM citus_internal.check_owner(rel);
    IF citus_internal.is_citus_table(rel) THEN
        RAISE EXCEPTION 'table "%" is already distributed', v_relname USING ERRCODE = 'invalid_table_definition';
    END IF;
    IF v_kind = 'p' OR EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = rel OR inhparent = rel) THEN
        RAISE EXCEPTION 'cannot distribute relation "%"', v_relname
            USING DETAIL = 'Hyperscale Lab distributes plain tables only, not partitioned or inherited tables.';
    END IF;
    IF v_kind <> 'r' THEN
        RAISE EXCEPTION '"%" is not a regular table', v_relname USING ERRCODE = 'wrong_object_type';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND (conrelid = rel OR confrelid = rel)) THEN
        RAISE EXCEPTION 'cannot distribute relation "%" because it has a foreign key', v_relname
            USING DETAIL = 'Hyperscale Lab does not propagate foreign keys to shards.',
                  HINT = 'Drop the foreign key, distribute the table, and enforce the relation in the application.';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attnum > 0 AND NOT attisdropped
               AND (attidentity <> '' OR attgenerated <> '')) THEN
        RAISE EXCEPTION 'cannot distribute relation "%" because it has an identity or generated column', v_relname
            USING HINT = 'Use a bigserial column or compute the value in the INSERT.';
    END IF;
    IF citus_internal.active_workers() IS NULL THEN
        RAISE EXCEPTION 'couldn''t find any worker nodes'
            USING HINT = 'Add a worker node with citus_add_node().';
    END IF;
END
$fn$;

-- postgres_fdw cannot move a row between foreign partitions: an UPDATE of the distribution
-- column would leave the row in a shard it does not hash to. Citus refuses it too.
CREATE FUNCTION citus_internal.reject_distribution_column_update() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    RAISE EXCEPTION 'modifying the partition value of rows is not allowed' USING ERRCODE = 'feature_not_supported';
END
$fn$;

-- Gives a replacement table the old one's grants and its serial sequences, which belong to
-- the old table's columns and would otherwise be dropped with it.
CREATE FUNCTION citus_internal.take_over_grants_and_sequences(old_table regclass, new_table regclass) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
    v_item record;
BEGIN
    FOR v_item IN SELECT a.privilege_type, a.grantee FROM pg_class c, aclexplode(c.relacl) a
                  WHERE c.oid = old_table AND a.grantee <> c.relowner LOOP
        EXECUTE format('GRANT %s ON %s TO %s', v_item.privilege_type, new_table,
                       CASE WHEN v_item.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(v_item.grantee)) END);
    END LOOP;
    FOR v_item IN SELECT d.objid::regclass AS seq, a.attname
                  FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                  WHERE d.refobjid = old_table AND d.classid = 'pg_class'::regclass AND d.deptype = 'a'
                    AND (SELECT relkind FROM pg_class WHERE oid = d.objid) = 'S' LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNED BY %s.%I', v_item.seq, new_table, v_item.attname);
    END LOOP;
END
$fn$;

-- Replaces a regular table with a hash-partitioned parent of the same name, columns, owner,
-- grants and CHECK constraints, and moves ownership of its sequences. Returns the new table;
-- the old one is renamed and left for the caller to empty and drop.
CREATE FUNCTION citus_internal.swap_in_partitioned_table(rel regclass, partition_by text, old_name text) RETURNS regclass
LANGUAGE plpgsql AS $fn$
DECLARE
    v_nsp text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = rel);
    v_name text := (SELECT relname FROM pg_class WHERE oid = rel);
    v_owner text := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = rel);
    v_columns text;
    v_new regclass;
    v_item record;
BEGIN
    -- defaults here include nextval(): the coordinator hands out sequence values
    SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
                      || CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0
                              THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END
                      || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                      || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END, ', ' ORDER BY a.attnum)
      INTO v_columns
      FROM pg_attribute a
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped;

    EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', v_nsp, v_name, old_name);
    EXECUTE format('CREATE TABLE %I.%I (%s) PARTITION BY %s', v_nsp, v_name, v_columns, partition_by);
    v_new := format('%I.%I', v_nsp, v_name)::regclass;
    EXECUTE format('ALTER TABLE %s OWNER TO %I', v_new, v_owner);
    FOR v_item IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = rel AND contype = 'c' LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', v_new, v_item.conname, v_item.def);
    END LOOP;
    PERFORM citus_internal.take_over_grants_and_sequences(rel, v_new);
    RETURN v_new;
END
$fn$;

------------------------------------------------------------------------------------------
-- Citus functions
------------------------------------------------------------------------------------------

-- Runs as the superuser with a fixed search_path, so table names in text arguments are
-- resolved by the caller's wrapper below, under the caller's search_path.
CREATE FUNCTION citus_internal.distribute_table(
    table_name regclass,
    distribution_column text,
    distribution_type text,
    colocate_with text,
    colocate_with_table regclass,
    shard_count int)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
#variable_conflict use_variable
DECLARE
    v_relname text := (SELECT relname FROM pg_class WHERE oid = table_name);
    v_nsp text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = table_name);
    v_att pg_attribute%ROWTYPE;
    v_count int;
    v_colocation int;
    v_target regclass;
    v_target_name text;
    v_opclass text;
    v_workers int[] := citus_internal.active_workers();
    v_template regclass;
    v_old_name text;
    v_new regclass;
    v_shardid bigint;
    v_shard text;
    v_groupid int;
    v_nodeid int;
    v_increment bigint;
    v_rows bigint;
    v_index record;
    v_placement record;
    v_indexes jsonb;
BEGIN
    PERFORM citus_internal.check_distributable(table_name);
    IF distribution_type IS DISTINCT FROM 'hash' THEN
        RAISE EXCEPTION 'distribution type "%" is not supported', distribution_type
            USING HINT = 'Hyperscale Lab distributes tables by hash, the Citus default.';
    END IF;
    SELECT * INTO v_att FROM pg_attribute
     WHERE attrelid = table_name AND attname = distribution_column AND attnum > 0 AND NOT attisdropped;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'column "%" of relation "%" does not exist', distribution_column, v_relname
            USING ERRCODE = 'undefined_column';
    END IF;
    FOR v_index IN SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                   WHERE i.indrelid = table_name AND (i.indisunique OR i.indisexclusion)
                     AND NOT (v_att.attnum = ANY (i.indkey::int2[])) LOOP
        RAISE EXCEPTION 'cannot create constraint on "%"', v_relname
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = 'Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the partition column (with an equality operator if EXCLUDE).';
    END LOOP;

    -- shard count and co-location, as Citus decides them
    IF colocate_with NOT IN ('default', 'none') THEN
        v_target := colocate_with_table;
        -- Citus names both tables unqualified (get_rel_name); v_target's text form here would be
        -- schema-qualified, because this function runs with search_path = pg_catalog
        v_target_name := (SELECT relname FROM pg_class WHERE oid = v_target);
        IF shard_count IS NOT NULL THEN
            RAISE EXCEPTION 'Cannot use colocate_with with a table and shard_count at the same time';
        END IF;
        SELECT c.colocationid, c.shardcount INTO v_colocation, v_count
          FROM pg_dist_partition p JOIN pg_dist_colocation c ON c.colocationid = p.colocationid
         WHERE p.logicalrelid = v_target AND p.partmethod = 'h';
        IF v_colocation IS NULL THEN
            RAISE EXCEPTION 'cannot colocate tables % and %', v_target_name, v_relname
                USING DETAIL = format('Relation "%s" is not a hash distributed table.', v_target_name);
        END IF;
        IF (SELECT distributioncolumntype FROM pg_dist_colocation WHERE colocationid = v_colocation) <> v_att.atttypid THEN
            RAISE EXCEPTION 'cannot colocate tables % and %', v_target_name, v_relname
                USING ERRCODE = 'internal_error',
                      DETAIL = format('Distribution column types don''t match for %s and %s.', v_target_name, v_relname);
        END IF;
    ELSE
        v_count := coalesce(shard_count, nullif(current_setting('citus.shard_count', true), '')::int, 32);
        IF v_count < 1 OR v_count > 64000 THEN
            RAISE EXCEPTION '% is outside the valid range for parameter "shard_count" (1 .. 64000)', v_count
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF colocate_with = 'default' THEN
            SELECT colocationid INTO v_colocation FROM pg_dist_colocation
             WHERE shardcount = v_count AND replicationfactor = 1
               AND distributioncolumntype = v_att.atttypid AND distributioncolumncollation = v_att.attcollation
             ORDER BY colocationid LIMIT 1;
        END IF;
    END IF;
    IF v_colocation IS NULL THEN
        v_colocation := nextval('pg_dist_colocationid_seq');
        INSERT INTO pg_dist_colocation VALUES (v_colocation, v_count, 1, v_att.atttypid, v_att.attcollation);
    END IF;
    -- co-located shards must share a node: follow an existing table of the group, if any
    SELECT p.logicalrelid INTO v_template FROM pg_dist_partition p WHERE p.colocationid = v_colocation LIMIT 1;

    PERFORM citus_internal.set_internal_ddl(true);
    v_opclass := citus_internal.ensure_hash_opclass(v_att.atttypid, v_count);
    v_old_name := left(v_relname, 40) || '_citus_local_' || table_name::oid;
    v_new := citus_internal.swap_in_partitioned_table(table_name, format('HASH (%I %s)', distribution_column, v_opclass), v_old_name);

    -- created before the partitions, so each foreign partition gets a clone
    EXECUTE format('CREATE TRIGGER citus_distribution_column_update BEFORE UPDATE OF %1$I ON %2$s FOR EACH ROW '
                   'WHEN (OLD.%1$I IS DISTINCT FROM NEW.%1$I) EXECUTE FUNCTION citus_internal.reject_distribution_column_update()',
                   distribution_column, v_new);
    INSERT INTO pg_dist_partition VALUES (v_new, 'h',
        format('{VAR :varno 1 :varattno %s :vartype %s :vartypmod %s :varcollid %s :varnullingrels (b) :varlevelsup 0 :varnosyn 1 :varattnosyn %s :location -1}',
               (SELECT attnum FROM pg_attribute WHERE attrelid = v_new AND attname = distribution_column),
               v_att.atttypid, v_att.atttypmod, v_att.attcollation,
               (SELECT attnum FROM pg_attribute WHERE attrelid = v_new AND attname = distribution_column)),
        v_colocation, 's', false);
    INSERT INTO citus_internal.table_columns VALUES (v_new, citus_internal.column_list(v_new));

    v_increment := 4294967296 / v_count;
    FOR i IN 0 .. v_count - 1 LOOP
        v_shardid := nextval('pg_dist_shardid_seq');
        v_shard := citus_internal.shard_table_name(v_relname, v_shardid);
        IF v_template IS NOT NULL THEN
            SELECT pl.nodeid INTO v_nodeid FROM citus_internal.placements(v_template) pl WHERE pl.shard_index = i;
        ELSE
            v_nodeid := v_workers[1 + i % array_length(v_workers, 1)];
        END IF;
        SELECT groupid INTO v_groupid FROM pg_dist_node WHERE nodeid = v_nodeid;
        INSERT INTO pg_dist_shard VALUES (v_new, v_shardid, 't',
            (-2147483648 + i * v_increment)::text,
            CASE WHEN i = v_count - 1 THEN '2147483647' ELSE (-2147483648 + (i + 1) * v_increment - 1)::text END);
        INSERT INTO pg_dist_placement VALUES (nextval('pg_dist_placement_placementid_seq'), v_shardid, 1, 0, v_groupid);
        INSERT INTO citus_internal.shard_relation VALUES (v_shardid, v_nsp, v_shard);
        PERFORM citus_internal.queue_command(v_nodeid, citus_internal.shard_create_command(table_name, v_nsp, v_shard, v_shardid));
        EXECUTE format('CREATE FOREIGN TABLE citus_shard.%I PARTITION OF %s FOR VALUES WITH (MODULUS %s, REMAINDER %s) '
                       'SERVER %I OPTIONS (schema_name %L, table_name %L)',
                       v_shard, v_new, v_count, i, citus_internal.server_name(v_nodeid), v_nsp, v_shard);
        EXECUTE format('ALTER FOREIGN TABLE citus_shard.%I OWNER TO %I', v_shard,
                       (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = v_new));
    END LOOP;

    EXECUTE format('INSERT INTO %s SELECT * FROM ONLY %I.%I', v_new, v_nsp, v_old_name);
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows > 0 THEN
        RAISE NOTICE 'Copying data from local table...';
        RAISE NOTICE 'copying the data has completed'
            USING DETAIL = format('%s rows were moved from the local table to %s shards.', v_rows, v_count);
    END IF;

    -- The old table's index names are free once it is gone; then the shards get every index and
    -- the coordinator keeps those a partitioned table with foreign partitions can hold.
    v_indexes := (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') FROM citus_internal.plain_indexes(table_name) x);
    EXECUTE format('DROP TABLE %I.%I', v_nsp, v_old_name);
    FOR v_index IN SELECT * FROM jsonb_to_recordset(v_indexes) AS x(index_name text, is_unique boolean, tail text) LOOP
        IF v_index.is_unique THEN
            -- a partitioned table with foreign partitions cannot hold a unique index: shards only
            FOR v_placement IN SELECT * FROM citus_internal.placements(v_new) LOOP
                PERFORM citus_internal.queue_command(v_placement.nodeid, citus_internal.shard_index_command(
                    v_index.index_name, true, v_index.tail, v_placement.schema_name, v_placement.table_name, v_placement.shardid));
            END LOOP;
        ELSE
            EXECUTE format('CREATE INDEX %I ON %s %s', v_index.index_name, v_new, v_index.tail);
            PERFORM citus_internal.create_shard_indexes(v_new,
                (SELECT c.oid FROM pg_class c WHERE c.relname = v_index.index_name AND c.relnamespace = v_nsp::regnamespace));
        END IF;
    END LOOP;
    PERFORM citus_internal.set_internal_ddl(false);
END
$fn$;

CREATE FUNCTION pg_catalog.create_distributed_table(
    table_name regclass,
    distribution_column text,
    distribution_type text DEFAULT 'hash',
    colocate_with text DEFAULT 'default',
    shard_count int DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM citus_internal.distribute_table(table_name, distribution_column, distribution_type, colocate_with,
        CASE WHEN colocate_with IN ('default', 'none') THEN NULL ELSE colocate_with::regclass END, shard_count);
END
$fn$;

CREATE FUNCTION pg_catalog.create_reference_table(table_name regclass)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
#variable_conflict use_variable
DECLARE
    v_relname text := (SELECT relname FROM pg_class WHERE oid = table_name);
    v_nsp text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = table_name);
    v_workers int[] := citus_internal.active_workers();
    v_colocation int;
    v_shardid bigint;
    v_shard text;
    v_nodeid int;
    v_index oid;
BEGIN
    PERFORM citus_internal.check_distributable(table_name);
    PERFORM citus_internal.set_internal_ddl(true);
    SELECT colocationid INTO v_colocation FROM pg_dist_colocation WHERE shardcount = 1 AND distributioncolumntype = 0;
    IF v_colocation IS NULL THEN
        v_colocation := nextval('pg_dist_colocationid_seq');
        INSERT INTO pg_dist_colocation VALUES (v_colocation, 1, array_length(v_workers, 1), 0, 0);
    END IF;
    v_shardid := nextval('pg_dist_shardid_seq');
    v_shard := citus_internal.shard_table_name(v_relname, v_shardid);
    INSERT INTO pg_dist_partition VALUES (table_name, 'n', NULL, v_colocation, 't', false);
    INSERT INTO pg_dist_shard VALUES (table_name, v_shardid, 't', NULL, NULL);
    INSERT INTO citus_internal.shard_relation VALUES (v_shardid, v_nsp, v_shard);
    INSERT INTO citus_internal.table_columns VALUES (table_name, citus_internal.column_list(table_name));
    FOREACH v_nodeid IN ARRAY v_workers LOOP
        INSERT INTO pg_dist_placement VALUES (nextval('pg_dist_placement_placementid_seq'), v_shardid, 1, 0,
                                              (SELECT groupid FROM pg_dist_node WHERE nodeid = v_nodeid));
        PERFORM citus_internal.queue_command(v_nodeid, citus_internal.shard_create_command(table_name, v_nsp, v_shard, v_shardid));
    END LOOP;
    FOR v_index IN SELECT i.indexrelid FROM pg_index i
                   WHERE i.indrelid = table_name
                     AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = table_name) LOOP
        PERFORM citus_internal.create_shard_indexes(table_name, v_index);
    END LOOP;
    PERFORM citus_internal.copy_reference_rows(table_name);
    EXECUTE format('CREATE TRIGGER citus_reference_sync AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s '
                   'FOR EACH STATEMENT EXECUTE FUNCTION citus_internal.sync_reference_table()', table_name);
    PERFORM citus_internal.set_internal_ddl(false);
END
$fn$;

CREATE FUNCTION pg_catalog.undistribute_table(table_name regclass, cascade_via_foreign_keys boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
#variable_conflict use_variable
DECLARE
    v_relname text := (SELECT relname FROM pg_class WHERE oid = table_name);
    v_nsp text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = table_name);
    v_method "char" := (SELECT partmethod FROM pg_dist_partition WHERE logicalrelid = table_name);
    v_qualified text := format('%I.%I', v_nsp, v_relname);
    v_temp text;
    v_new regclass;
    v_owner text := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = table_name);
    v_item record;
    v_indexes jsonb;
BEGIN
    PERFORM citus_internal.check_owner(table_name);
    IF v_method IS NULL THEN
        RAISE EXCEPTION 'cannot undistribute table because the table is not distributed';
    END IF;
    IF v_method = 'n' THEN
        PERFORM citus_internal.set_internal_ddl(true);
        EXECUTE format('DROP TRIGGER citus_reference_sync ON %s', table_name);
        PERFORM citus_internal.drop_shards(table_name);
        PERFORM citus_internal.set_internal_ddl(false);
        RETURN;
    END IF;

    v_temp := left(v_relname, 40) || '_citus_undistribute_' || table_name::oid;
    RAISE NOTICE 'creating a new table for %', v_qualified;
    v_indexes := (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') FROM citus_internal.plain_indexes(table_name) x);
    EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)',
                   v_nsp, v_temp, table_name);
    v_new := format('%I.%I', v_nsp, v_temp)::regclass;
    EXECUTE format('ALTER TABLE %s OWNER TO %I', v_new, v_owner);
    PERFORM citus_internal.take_over_grants_and_sequences(table_name, v_new);
    RAISE NOTICE 'moving the data of %', v_qualified;
    EXECUTE format('INSERT INTO %s SELECT * FROM %s', v_new, table_name);
    RAISE NOTICE 'dropping the old %', v_qualified;
    EXECUTE format('DROP TABLE %s', table_name);   -- the sql_drop trigger removes the shards
    RAISE NOTICE 'renaming the new table to %', v_qualified;
    EXECUTE format('ALTER TABLE %s RENAME TO %I', v_new, v_relname);
    FOR v_item IN SELECT * FROM jsonb_to_recordset(v_indexes) AS x(index_name text, tail text) LOOP
        EXECUTE format('CREATE INDEX %I ON %s %s', v_item.index_name, v_qualified, v_item.tail);
    END LOOP;
END
$fn$;

CREATE FUNCTION pg_catalog.truncate_local_data_after_distributing_table(function_name regclass)
RETURNS void LANGUAGE sql AS $$
    -- create_distributed_table moves local rows into the shards, so nothing is left behind
    SELECT NULL::void
$$;

CREATE FUNCTION pg_catalog.citus_add_node(
    nodename text, nodeport int DEFAULT 5432, groupid int DEFAULT -1,
    noderole text DEFAULT 'primary', nodecluster name DEFAULT 'default')
RETURNS int
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
#variable_conflict use_variable
DECLARE
    v_nodeid int;
    v_server text;
    v_credentials citus_internal.worker_credentials%ROWTYPE;
BEGIN
    SELECT n.nodeid INTO v_nodeid FROM pg_dist_node n WHERE n.nodename = nodename AND n.nodeport = nodeport;
    IF FOUND THEN
        RETURN v_nodeid;
    END IF;
    SELECT * INTO v_credentials FROM citus_internal.worker_credentials LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no worker credentials are configured'
            USING HINT = 'Insert the worker role into citus_internal.worker_credentials first.';
    END IF;
    v_nodeid := nextval('pg_dist_node_nodeid_seq');
    v_server := citus_internal.server_name(v_nodeid);
    EXECUTE format('CREATE SERVER %I FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host %L, port %L, dbname %L, '
                   'async_capable ''true'', fetch_size ''10000'', batch_size ''100'', application_name ''citus_coordinator'')',
                   v_server, nodename, nodeport::text, current_database());
    -- one PUBLIC mapping: every coordinator role reaches the worker as the same non-superuser,
    -- and postgres_fdw then shares one connection per node within a transaction
    EXECUTE format('CREATE USER MAPPING FOR PUBLIC SERVER %I OPTIONS (user %L, password %L)',
                   v_server, v_credentials.username, v_credentials.password);
    EXECUTE format('GRANT USAGE ON FOREIGN SERVER %I TO PUBLIC', v_server);
    EXECUTE format('CREATE FOREIGN TABLE citus_internal.%I (command text) SERVER %I OPTIONS (schema_name ''citus_internal'', table_name ''ddl_queue'')',
                   'ddl_queue_' || v_nodeid, v_server);
    BEGIN
        PERFORM 1 FROM citus_internal.dblink(v_server, 'SELECT 1 FROM pg_extension WHERE extname = ''citus_worker''') AS t(x int);
        IF NOT FOUND THEN
            RAISE EXCEPTION 'node %:% is not a Hyperscale Lab worker', nodename, nodeport
                USING HINT = 'Run CREATE EXTENSION citus_worker in its database first.';
        END IF;
    EXCEPTION WHEN sqlclient_unable_to_establish_sqlconnection THEN
        RAISE EXCEPTION 'could not connect to node %:%', nodename, nodeport USING DETAIL = SQLERRM;
    END;
    INSERT INTO pg_dist_node (nodeid, groupid, nodename, nodeport, noderole, nodecluster, hasmetadata, metadatasynced)
    VALUES (v_nodeid, CASE WHEN groupid > 0 THEN groupid ELSE nextval('pg_dist_groupid_seq')::int END,
            nodename, nodeport, noderole, nodecluster, true, true);
    RETURN v_nodeid;
END
$fn$;

CREATE FUNCTION pg_catalog.master_add_node(
    nodename text, nodeport int DEFAULT 5432, groupid int DEFAULT -1,
    noderole text DEFAULT 'primary', nodecluster name DEFAULT 'default')
RETURNS int LANGUAGE sql AS $$ SELECT pg_catalog.citus_add_node(nodename, nodeport, groupid, noderole, nodecluster) $$;

CREATE FUNCTION pg_catalog.citus_remove_node(nodename text, nodeport int)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
#variable_conflict use_variable
DECLARE
    v_node pg_dist_node%ROWTYPE;
    v_shardid bigint;
BEGIN
    SELECT * INTO v_node FROM pg_dist_node n WHERE n.nodename = nodename AND n.nodeport = nodeport;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'node at "%:%" does not exist', nodename, nodeport;
    END IF;
    SELECT p.shardid INTO v_shardid FROM pg_dist_placement p WHERE p.groupid = v_node.groupid ORDER BY p.shardid LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'cannot remove or disable the node %:% because because it contains the only shard placement for shard %',
                        nodename, nodeport, v_shardid
            USING DETAIL = 'One of the table(s) that prevents the operation complete successfully is '
                           || (SELECT logicalrelid::text FROM pg_dist_shard WHERE shardid = v_shardid),
                  HINT = 'To proceed, either drop the tables or undistribute them first.';
    END IF;
    EXECUTE format('DROP SERVER %I CASCADE', citus_internal.server_name(v_node.nodeid));
    DELETE FROM pg_dist_node WHERE nodeid = v_node.nodeid;
END
$fn$;

CREATE FUNCTION pg_catalog.master_remove_node(nodename text, nodeport int)
RETURNS void LANGUAGE sql AS $$ SELECT pg_catalog.citus_remove_node(nodename, nodeport) $$;

-- Adding and removing nodes is the portal's job, as on Azure.
REVOKE EXECUTE ON FUNCTION pg_catalog.citus_add_node(text, int, int, text, name),
                           pg_catalog.master_add_node(text, int, int, text, name),
                           pg_catalog.citus_remove_node(text, int),
                           pg_catalog.master_remove_node(text, int) FROM PUBLIC;

CREATE FUNCTION pg_catalog.citus_get_active_worker_nodes(OUT node_name text, OUT node_port bigint)
RETURNS SETOF record LANGUAGE sql STABLE AS $$
    SELECT nodename, nodeport::bigint FROM pg_dist_node WHERE isactive AND noderole = 'primary' ORDER BY nodeid
$$;

CREATE FUNCTION pg_catalog.master_get_active_worker_nodes(OUT node_name text, OUT node_port bigint)
RETURNS SETOF record LANGUAGE sql STABLE AS $$ SELECT * FROM pg_catalog.citus_get_active_worker_nodes() $$;

CREATE FUNCTION citus_internal.shard_id_for_value(table_name regclass, distribution_value text)
RETURNS bigint
LANGUAGE plpgsql STABLE AS $fn$
#variable_conflict use_variable
DECLARE
    v_method "char" := (SELECT partmethod FROM pg_dist_partition WHERE logicalrelid = table_name);
BEGIN
    IF v_method IS NULL THEN
        RAISE EXCEPTION 'relation % is not a distributed table', table_name;
    ELSIF v_method = 'n' THEN
        RETURN (SELECT shardid FROM pg_dist_shard WHERE logicalrelid = table_name);
    ELSIF distribution_value IS NULL THEN
        RAISE EXCEPTION 'distribution value cannot be NULL for tables other than reference tables.';
    END IF;
    RETURN (SELECT shardid FROM pg_dist_shard WHERE logicalrelid = table_name ORDER BY shardid
            OFFSET citus_internal.shard_index(table_name, distribution_value) LIMIT 1);
END
$fn$;

CREATE FUNCTION pg_catalog.get_shard_id_for_distribution_column(table_name regclass, distribution_value anyelement)
RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT citus_internal.shard_id_for_value(table_name, distribution_value::text) $$;

-- an untyped literal such as 'hi@test.com' cannot resolve anyelement; it lands here
CREATE FUNCTION pg_catalog.get_shard_id_for_distribution_column(table_name regclass, distribution_value text)
RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT citus_internal.shard_id_for_value(table_name, distribution_value) $$;

CREATE FUNCTION pg_catalog.get_shard_id_for_distribution_column(table_name regclass)
RETURNS bigint
LANGUAGE plpgsql STABLE AS $fn$
#variable_conflict use_variable
BEGIN
    IF (SELECT partmethod FROM pg_dist_partition WHERE logicalrelid = table_name) IS DISTINCT FROM 'n' THEN
        RAISE EXCEPTION 'distribution value cannot be NULL for tables other than reference tables.';
    END IF;
    RETURN (SELECT shardid FROM pg_dist_shard WHERE logicalrelid = table_name);
END
$fn$;

CREATE FUNCTION pg_catalog.column_to_column_name(table_name regclass, column_var_text text)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT attname::text FROM pg_attribute
    WHERE attrelid = table_name AND attnum = substring(column_var_text from ':varattno (\d+)')::int
$$;

-- One command on one node, as Citus reports it: the first column of the first row, or the
-- command tag, and the error text instead when it fails.
CREATE FUNCTION citus_internal.run_on_node(nodeid int, command text, OUT success boolean, OUT result text)
LANGUAGE plpgsql AS $fn$
BEGIN
    SELECT r INTO result FROM citus_internal.dblink(citus_internal.server_name(nodeid), command) AS t(r text) LIMIT 1;
    success := true;
EXCEPTION WHEN OTHERS THEN
    success := false;
    result := SQLERRM;
END
$fn$;

-- Runs a command on every worker as the worker role of the coordinator's user mapping,
-- never as a superuser: the command can do no more than the learner could over psql.
CREATE FUNCTION pg_catalog.run_command_on_workers(
    command text, parallel boolean DEFAULT true,
    OUT nodename text, OUT nodeport int, OUT success boolean, OUT result text)
RETURNS SETOF record
LANGUAGE plpgsql AS $fn$
DECLARE
    v_node record;
BEGIN
    FOR v_node IN SELECT * FROM pg_dist_node WHERE isactive ORDER BY nodeid LOOP
        nodename := v_node.nodename;
        nodeport := v_node.nodeport;
        SELECT r.success, r.result INTO success, result FROM citus_internal.run_on_node(v_node.nodeid, command) r;
        RETURN NEXT;
    END LOOP;
END
$fn$;

CREATE FUNCTION pg_catalog.run_command_on_shards(
    table_name regclass, command text, parallel boolean DEFAULT true,
    OUT shardid bigint, OUT success boolean, OUT result text)
RETURNS SETOF record
LANGUAGE plpgsql AS $fn$
#variable_conflict use_variable
DECLARE
    v_placement record;
BEGIN
    IF NOT citus_internal.is_citus_table(table_name) THEN
        RAISE EXCEPTION 'relation % is not a distributed table', table_name;
    END IF;
    FOR v_placement IN SELECT DISTINCT ON (p.shardid) * FROM citus_internal.placements(table_name) p ORDER BY p.shardid, p.nodeid LOOP
        shardid := v_placement.shardid;
        SELECT r.success, r.result INTO success, result FROM citus_internal.run_on_node(v_placement.nodeid,
            format(command, format('%I.%I', v_placement.schema_name, v_placement.table_name))) r;
        RETURN NEXT;
    END LOOP;
END
$fn$;

CREATE FUNCTION pg_catalog.citus_version() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT 'Citus 12.1.1 on x86_64-pc-linux-gnu (Hyperscale Lab emulation on PostgreSQL '
           || current_setting('server_version') || '), 64-bit'
$$;

-- One query per node for the sizes of all its shards.
CREATE FUNCTION citus_internal.shard_sizes(OUT shardid bigint, OUT nodeid int, OUT size bigint)
RETURNS SETOF record
LANGUAGE plpgsql AS $fn$
DECLARE
    v_node record;
BEGIN
    FOR v_node IN SELECT n.nodeid, array_agg(r.schema_name || '.' || r.table_name) AS names
                  FROM pg_dist_placement p
                  JOIN pg_dist_node n ON n.groupid = p.groupid
                  JOIN citus_internal.shard_relation r ON r.shardid = p.shardid
                  GROUP BY n.nodeid LOOP
        RETURN QUERY
            SELECT r.shardid, v_node.nodeid, s.size
            FROM citus_internal.dblink(citus_internal.server_name(v_node.nodeid),
                   format('SELECT n.nspname || ''.'' || c.relname, pg_total_relation_size(c.oid) FROM pg_class c '
                          'JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = ''r'' AND n.nspname || ''.'' || c.relname = ANY (%L::text[])',
                          v_node.names)) AS s(name text, size bigint)
            JOIN citus_internal.shard_relation r ON r.schema_name || '.' || r.table_name = s.name;
    END LOOP;
END
$fn$;

CREATE VIEW pg_catalog.citus_shards AS
SELECT p.logicalrelid AS table_name,
       s.shardid,
       r.table_name::text AS shard_name,
       CASE p.partmethod WHEN 'h' THEN 'distributed' ELSE 'reference' END AS citus_table_type,
       p.colocationid AS colocation_id,
       n.nodename,
       n.nodeport,
       coalesce(sz.size, 0) AS shard_size
FROM pg_dist_shard s
JOIN pg_dist_partition p ON p.logicalrelid = s.logicalrelid
JOIN pg_dist_placement pl ON pl.shardid = s.shardid
JOIN pg_dist_node n ON n.groupid = pl.groupid
JOIN citus_internal.shard_relation r ON r.shardid = s.shardid
LEFT JOIN citus_internal.shard_sizes() sz ON sz.shardid = s.shardid AND sz.nodeid = n.nodeid
ORDER BY p.logicalrelid::text, s.shardid, n.nodeid;

CREATE FUNCTION pg_catalog.citus_table_size(logicalrelid regclass) RETURNS bigint
LANGUAGE sql AS $$
    -- a reference table counts once, as on Citus: its placements are copies
    SELECT coalesce(sum(size), 0)::bigint FROM (
        SELECT DISTINCT ON (s.shardid) sz.size FROM pg_dist_shard s
        JOIN citus_internal.shard_sizes() sz ON sz.shardid = s.shardid
        WHERE s.logicalrelid = citus_table_size.logicalrelid ORDER BY s.shardid) t
$$;
CREATE FUNCTION pg_catalog.citus_total_relation_size(logicalrelid regclass, fail_on_error boolean DEFAULT true) RETURNS bigint
LANGUAGE sql AS $$ SELECT pg_catalog.citus_table_size(logicalrelid) $$;
CREATE FUNCTION pg_catalog.citus_relation_size(logicalrelid regclass) RETURNS bigint
LANGUAGE sql AS $$ SELECT pg_catalog.citus_table_size(logicalrelid) $$;

-- Sizes are fetched once per query (one round trip per worker), not once per table; a
-- reference table counts one placement, as on Citus.
CREATE VIEW pg_catalog.citus_tables AS
WITH shard_size AS MATERIALIZED (
    SELECT DISTINCT ON (sz.shardid) sz.shardid, sz.size FROM citus_internal.shard_sizes() sz ORDER BY sz.shardid
), table_size AS (
    SELECT s.logicalrelid, sum(z.size)::bigint AS size
    FROM pg_dist_shard s JOIN shard_size z ON z.shardid = s.shardid
    GROUP BY s.logicalrelid
)
SELECT p.logicalrelid AS table_name,
       CASE p.partmethod WHEN 'h' THEN 'distributed' ELSE 'reference' END AS citus_table_type,
       coalesce(column_to_column_name(p.logicalrelid, p.partkey), '<none>') AS distribution_column,
       p.colocationid AS colocation_id,
       pg_size_pretty(coalesce(ts.size, 0)) AS table_size,
       (SELECT count(*) FROM pg_dist_shard s WHERE s.logicalrelid = p.logicalrelid) AS shard_count,
       pg_get_userbyid(c.relowner) AS table_owner,
       coalesce(am.amname, 'heap') AS access_method
FROM pg_dist_partition p
JOIN pg_class c ON c.oid = p.logicalrelid
LEFT JOIN pg_am am ON am.oid = c.relam
LEFT JOIN table_size ts ON ts.logicalrelid = p.logicalrelid
ORDER BY p.logicalrelid::text;

GRANT SELECT ON pg_catalog.citus_shards, pg_catalog.citus_tables TO PUBLIC;

------------------------------------------------------------------------------------------
-- DDL propagation
------------------------------------------------------------------------------------------

CREATE FUNCTION citus_internal.propagate_ddl() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    v_command record;
    v_table oid;
BEGIN
    IF citus_internal.internal_ddl_active() THEN
        RETURN;
    END IF;
    PERFORM citus_internal.set_internal_ddl(true);
    FOR v_command IN SELECT DISTINCT command_tag, object_type, objid FROM pg_event_trigger_ddl_commands() LOOP
        IF v_command.command_tag = 'CREATE INDEX' THEN
            SELECT indrelid INTO v_table FROM pg_index WHERE indexrelid = v_command.objid;
            IF citus_internal.is_citus_table(v_table) THEN
                PERFORM citus_internal.create_shard_indexes(v_table, v_command.objid);
            END IF;
        ELSIF v_command.command_tag = 'ALTER TABLE' AND v_command.object_type IN ('table', 'table column')
              AND citus_internal.is_citus_table(v_command.objid) THEN
            PERFORM citus_internal.sync_columns(v_command.objid);
            IF (SELECT partmethod FROM pg_dist_partition WHERE logicalrelid = v_command.objid::regclass) = 'n' THEN
                PERFORM citus_internal.copy_reference_rows(v_command.objid);
            END IF;
        END IF;
    END LOOP;
    PERFORM citus_internal.set_internal_ddl(false);
END
$fn$;

CREATE FUNCTION citus_internal.propagate_drop() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    v_object record;
    v_placement record;
    v_index citus_internal.table_index%ROWTYPE;
BEGIN
    FOR v_object IN SELECT * FROM pg_event_trigger_dropped_objects() LOOP
        IF v_object.object_type = 'table' AND citus_internal.is_citus_table(v_object.objid) THEN
            PERFORM citus_internal.drop_shards(v_object.objid);
        ELSIF v_object.object_type = 'index' THEN
            SELECT * INTO v_index FROM citus_internal.table_index WHERE indexrelid = v_object.objid;
            IF FOUND THEN
                FOR v_placement IN SELECT * FROM citus_internal.placements(v_index.logicalrelid) LOOP
                    PERFORM citus_internal.queue_command(v_placement.nodeid,
                        format('DROP INDEX IF EXISTS %I.%I', v_placement.schema_name,
                               citus_internal.shard_table_name(v_index.index_name, v_placement.shardid)));
                END LOOP;
                DELETE FROM citus_internal.table_index WHERE indexrelid = v_object.objid;
            END IF;
        END IF;
    END LOOP;
END
$fn$;

CREATE EVENT TRIGGER citus_propagate_ddl ON ddl_command_end
    WHEN TAG IN ('CREATE INDEX', 'ALTER TABLE')
    EXECUTE FUNCTION citus_internal.propagate_ddl();

CREATE EVENT TRIGGER citus_propagate_drop ON sql_drop
    WHEN TAG IN ('DROP TABLE', 'DROP INDEX', 'DROP SCHEMA', 'DROP OWNED')
    EXECUTE FUNCTION citus_internal.propagate_drop();

-- citus_internal's tables are the superuser's (worker_credentials holds a password). Its
-- functions run with the caller's rights, so calling one directly gains nothing.
GRANT SELECT ON citus_internal.shard_relation, citus_internal.table_index TO PUBLIC;

-- A learner's coordinator opens no connection a learner names: dblink is the superuser's alone,
-- and the two functions that use it for learners run as its owner, always through one of this
-- group's worker servers, whose user mapping connects as the worker's non-superuser role. So
-- run_command_on_workers and citus_shards work, and no SQL reaches another learner's
-- coordinator, or any other server on this machine, even with its password.
ALTER FUNCTION citus_internal.run_on_node(int, text) SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION citus_internal.shard_sizes() SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
DO $revoke$
DECLARE
    v_function regprocedure;
BEGIN
    FOR v_function IN SELECT p.oid::regprocedure FROM pg_proc p
                      JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
                      JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'dblink' LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', v_function);
    END LOOP;
END
$revoke$;

------------------------------------------------------------------------------------------
-- Execution breakdown of the coordinator's own plans
------------------------------------------------------------------------------------------

-- A plan the coordinator ran (EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON), or auto_explain's JSON of
-- the same), broken down the way the portal's executor reports the queries it distributes
-- itself: one 'task' row per foreign scan, mapped to its shards and worker; one 'worker' row
-- per node with its tasks' totals; the coordinator's own time and the whole execution.
--
-- What the plan cannot tell, and how it is stood in for:
-- * bytes are estimated as rows times the planner's row width; EXPLAIN does not count bytes.
-- * an async foreign scan's time is when the coordinator had read its rows, not how long the
--   worker worked; tasks on one worker share one connection and run one after another.
-- * the coordinator's time is the execution time not covered by the slowest task.
CREATE FUNCTION citus_internal.plan_breakdown(plan jsonb, total_ms numeric DEFAULT NULL)
RETURNS TABLE (kind text, task int, shardid bigint, shard_name text, nodeid int, nodename text, nodeport int,
               rows bigint, bytes bigint, time_ms numeric, worker_query text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $fn$
WITH root AS (
    SELECT CASE WHEN jsonb_typeof(plan) = 'array' THEN plan->0 ELSE plan END AS doc
), scan AS (
    SELECT row_number() OVER () ::int AS task, n AS node
    FROM root, jsonb_path_query(root.doc->'Plan', 'strict $.**') AS n
    WHERE jsonb_typeof(n) = 'object' AND n->>'Node Type' = 'Foreign Scan'
), task_shard AS (
    -- a scan of one shard names it; a pushed-down join or aggregate lists its shards in
    -- "Relations", each as "(citus_shard.<shard> <alias>)" or "citus_shard.<shard> <alias>"
    SELECT s.task, r.shardid, r.table_name
    FROM scan s
    JOIN citus_internal.shard_relation r
      ON (s.node->>'Schema' = 'citus_shard' AND s.node->>'Relation Name' = r.table_name)
      OR strpos(' ' || translate(s.node->>'Relations', '()', '  ') || ' ', ' citus_shard.' || quote_ident(r.table_name) || ' ') > 0
), task AS (
    SELECT s.task,
           min(ts.shardid) AS shardid,
           string_agg(ts.table_name, ', ' ORDER BY ts.shardid) AS shard_name,
           round(coalesce((s.node->>'Actual Rows')::numeric, 0) * coalesce((s.node->>'Actual Loops')::numeric, 1))::bigint AS rows,
           coalesce((s.node->>'Plan Width')::bigint, 0) AS width,
           round(coalesce((s.node->>'Actual Total Time')::numeric, 0) * coalesce((s.node->>'Actual Loops')::numeric, 1), 3) AS time_ms,
           s.node->>'Remote SQL' AS worker_query
    FROM scan s LEFT JOIN task_shard ts ON ts.task = s.task
    GROUP BY s.task, s.node
), placed AS (
    SELECT t.*, n.nodeid, n.nodename, n.nodeport
    FROM task t
    LEFT JOIN LATERAL (SELECT nd.nodeid, nd.nodename, nd.nodeport FROM pg_dist_placement p
                       JOIN pg_dist_node nd ON nd.groupid = p.groupid
                       WHERE p.shardid = t.shardid ORDER BY nd.nodeid LIMIT 1) n ON true
), total AS (
    SELECT coalesce(total_ms, (SELECT (doc->>'Execution Time')::numeric FROM root),
                    (SELECT (doc->'Plan'->>'Actual Total Time')::numeric FROM root), 0) AS ms
)
SELECT 'task', p.task, p.shardid, p.shard_name, p.nodeid, p.nodename, p.nodeport,
       p.rows, p.rows * p.width, p.time_ms, p.worker_query
FROM placed p
UNION ALL
SELECT 'worker', count(*)::int, NULL, NULL, p.nodeid, p.nodename, p.nodeport,
       sum(p.rows)::bigint, sum(p.rows * p.width)::bigint, sum(p.time_ms), NULL
FROM placed p GROUP BY p.nodeid, p.nodename, p.nodeport
UNION ALL
SELECT 'coordinator', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       round(greatest(0, (SELECT ms FROM total) - coalesce((SELECT max(time_ms) FROM placed), 0)), 3), NULL
UNION ALL
SELECT 'total', (SELECT count(*)::int FROM placed), NULL, NULL, NULL, NULL, NULL,
       (SELECT sum(rows)::bigint FROM placed), (SELECT sum(rows * width)::bigint FROM placed),
       round((SELECT ms FROM total), 3), NULL
$fn$;

-- For psql users: runs a statement the way psql does (the coordinator's planner over the
-- shards' foreign tables) under EXPLAIN ANALYZE and reports where its work went. Like EXPLAIN
-- ANALYZE it really runs the statement, so a data-modifying statement takes effect. It runs
-- with the caller's rights and can do nothing the caller could not do in psql.
CREATE FUNCTION pg_catalog.citus_breakdown(query text)
RETURNS TABLE (kind text, task int, shardid bigint, shard_name text, nodeid int, nodename text, nodeport int,
               rows bigint, bytes bigint, time_ms numeric, worker_query text)
LANGUAGE plpgsql AS $fn$
DECLARE
    v_plan jsonb;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) ' || citus_breakdown.query INTO v_plan;
    RETURN QUERY SELECT * FROM citus_internal.plan_breakdown(v_plan);
END
$fn$;
