package io.hyperscalelab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code \d name} and {@code \d+ name} for one relation (psql's describeOneTableDetails): the
 * columns, then the footers psql 15 prints for tables, partitioned tables and views: indexes,
 * constraints, references, triggers, partition key and partitions, access method.
 */
final class TableDetails {

    private final Describe describe;
    private final String oid;
    private final String schema;
    private final String name;
    private final boolean verbose;

    TableDetails(Describe describe, String oid, String schema, String name, boolean verbose) {
        this.describe = describe;
        this.oid = oid;
        this.schema = schema;
        this.name = name;
        this.verbose = verbose;
    }

    String render() throws SqlException {
        List<String> info = describe.query("SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, "
                + "c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, "
                + (verbose ? "pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')\n, "
                : "'', ")
                + "c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, "
                + "c.relpersistence, c.relreplident, am.amname\nFROM pg_catalog.pg_class c\n LEFT JOIN pg_catalog.pg_class tc ON "
                + "(c.reltoastrelid = tc.oid)\nLEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)\nWHERE c.oid = '" + oid + "';")
                .rows().get(0);
        int checks = Integer.parseInt(info.get(0));
        char kind = info.get(1).charAt(0);
        boolean hasIndex = "t".equals(info.get(2));
        boolean hasTriggers = "t".equals(info.get(4));
        boolean isPartition = "t".equals(info.get(8));
        String options = info.get(9);
        String ofType = info.get(11);
        char persistence = info.get(12).charAt(0);
        char replicaIdentity = info.get(13).charAt(0);
        String accessMethod = info.get(14);

        if (kind == 'S') {
            return sequence(persistence);
        }
        if (kind == 'i' || kind == 'I') {
            return index(kind, persistence, options);
        }
        boolean details = "rvmfcp".indexOf(kind) >= 0;
        boolean compression = verbose && "rpm".indexOf(kind) >= 0;
        boolean statsTarget = verbose && "riImfp".indexOf(kind) >= 0;
        boolean description = verbose && "rvmfcp".indexOf(kind) >= 0;
        StringBuilder sql = new StringBuilder("SELECT a.attname,\n  pg_catalog.format_type(a.atttypid, a.atttypmod),\n"
                + "  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)\n   FROM pg_catalog.pg_attrdef d\n"
                + "   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),\n  a.attnotnull,\n"
                + "  (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t\n"
                + "   WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,\n"
                + "  a.attidentity,\n  a.attgenerated");
        if (verbose) {
            sql.append(",\n  a.attstorage");
            if (compression) {
                sql.append(",\n  a.attcompression AS attcompression");
            }
            if (statsTarget) {
                sql.append(",\n  CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget");
            }
            if (description) {
                sql.append(",\n  pg_catalog.col_description(a.attrelid, a.attnum)");
            }
        }
        sql.append("\nFROM pg_catalog.pg_attribute a\nWHERE a.attrelid = '").append(oid)
                .append("' AND a.attnum > 0 AND NOT a.attisdropped\nORDER BY a.attnum;");
        List<List<String>> attributes = describe.query(sql.toString()).rows();

        List<String> headers = new ArrayList<>(List.of("Column", "Type"));
        if (details) {
            headers.addAll(List.of("Collation", "Nullable", "Default"));
        }
        if (verbose) {
            headers.add("Storage");
            if (compression) {
                headers.add("Compression");
            }
            if (statsTarget) {
                headers.add("Stats target");
            }
            if (description) {
                headers.add("Description");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> a : attributes) {
            List<String> row = new ArrayList<>(List.of(a.get(0), a.get(1)));
            if (details) {
                row.add(a.get(4) == null ? "" : a.get(4));
                row.add("t".equals(a.get(3)) ? "not null" : "");
                row.add(defaultOf(a.get(5), a.get(6), a.get(2)));
            }
            if (verbose) {
                int col = 7;
                row.add(storage(a.get(col++)));
                if (compression) {
                    row.add(compression(a.get(col++)));
                }
                if (statsTarget) {
                    String target = a.get(col++);
                    row.add(target == null ? "" : target);
                }
                if (description) {
                    String text = a.get(col);
                    row.add(text == null ? "" : text);
                }
            }
            rows.add(row);
        }

        List<String> footers = new ArrayList<>();
        if ("rpmft".indexOf(kind) >= 0) {
            if (isPartition) {
                partitionOf(footers);
            }
            if (kind == 'p') {
                String key = describe.query("SELECT pg_catalog.pg_get_partkeydef('" + oid + "'::pg_catalog.oid);").rows().get(0).get(0);
                footers.add("Partition key: " + key);
            }
            if (hasIndex) {
                indexes(footers);
            }
            if (checks > 0) {
                checkConstraints(footers);
            }
            if (hasTriggers || kind == 'p') {
                foreignKeys(footers);
                referencedBy(footers);
            }
        }
        if (kind == 'v' && verbose) {
            String definition = describe.query("SELECT pg_catalog.pg_get_viewdef('" + oid + "'::pg_catalog.oid, true);").rows().get(0).get(0);
            footers.add("View definition:");
            footers.add(definition);
        }
        if (hasTriggers) {
            triggers(footers);
        }
        if ("rpmf".indexOf(kind) >= 0) {
            children(footers, kind);
            if (!ofType.isEmpty()) {
                footers.add("Typed table of type: " + ofType);
            }
            if (verbose && (kind == 'r' || kind == 'm') && replicaIdentity != 'i'
                    && ((!schema.equals("pg_catalog") && replicaIdentity != 'd') || (schema.equals("pg_catalog") && replicaIdentity != 'n'))) {
                footers.add("Replica Identity: " + (replicaIdentity == 'f' ? "FULL" : replicaIdentity == 'n' ? "NOTHING" : "???"));
            }
            if (verbose && accessMethod != null) {
                footers.add("Access method: " + accessMethod);
            }
        }
        if (verbose && options != null && !options.isEmpty()) {
            footers.add("Options: " + options);
        }
        List<Boolean> right = new ArrayList<>();
        headers.forEach(h -> right.add(false));
        return TableFormatter.format(new Table(title(kind, persistence), headers, right, rows, footers), false);
    }

    /** A sequence: its settings as a one-row table, and the column that owns it. */
    private String sequence(char persistence) throws SqlException {
        SqlResult.Rows settings = describe.query("SELECT pg_catalog.format_type(seqtypid, NULL) AS \"Type\",\n"
                + "       seqstart AS \"Start\",\n       seqmin AS \"Minimum\",\n       seqmax AS \"Maximum\",\n"
                + "       seqincrement AS \"Increment\",\n       CASE WHEN seqcycle THEN 'yes' ELSE 'no' END AS \"Cycles?\",\n"
                + "       seqcache AS \"Cache\"\nFROM pg_catalog.pg_sequence\nWHERE seqrelid = '" + oid + "';");
        List<List<String>> owner = describe.query("SELECT pg_catalog.quote_ident(nspname) || '.' ||\n"
                + "   pg_catalog.quote_ident(relname) || '.' ||\n   pg_catalog.quote_ident(attname),\n   d.deptype\n"
                + "FROM pg_catalog.pg_class c\nINNER JOIN pg_catalog.pg_depend d ON c.oid=d.refobjid\n"
                + "INNER JOIN pg_catalog.pg_namespace n ON n.oid=c.relnamespace\nINNER JOIN pg_catalog.pg_attribute a ON (\n"
                + " a.attrelid=c.oid AND\n a.attnum=d.refobjsubid)\nWHERE d.classid='pg_catalog.pg_class'::pg_catalog.regclass\n"
                + " AND d.refclassid='pg_catalog.pg_class'::pg_catalog.regclass\n AND d.objid='" + oid + "'\n"
                + " AND d.deptype IN ('a', 'i')").rows();
        List<String> footers = new ArrayList<>();
        if (owner.size() == 1) {
            String deptype = owner.get(0).get(1);
            if ("a".equals(deptype)) {
                footers.add("Owned by: " + owner.get(0).get(0));
            } else if ("i".equals(deptype)) {
                footers.add("Sequence for identity column: " + owner.get(0).get(0));
            }
        }
        return Describe.table(title('S', persistence), settings, footers);
    }

    /** An index: its columns, then one line saying what kind of index of which table it is. */
    private String index(char kind, char persistence, String options) throws SqlException {
        List<List<String>> columns = describe.query("SELECT a.attname,\n  pg_catalog.format_type(a.atttypid, a.atttypmod),\n"
                + "  CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indexrelid = '" + oid
                + "') THEN 'yes' ELSE 'no' END AS is_key,\n  pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE) AS indexdef"
                + (verbose ? ",\n  a.attstorage,\n  CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget" : "")
                + "\nFROM pg_catalog.pg_attribute a\nWHERE a.attrelid = '" + oid + "' AND a.attnum > 0 AND NOT a.attisdropped\n"
                + "ORDER BY a.attnum;").rows();
        List<String> info = describe.query("SELECT i.indisunique, i.indisprimary, i.indisclustered, i.indisvalid,\n"
                + "  (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND "
                + "conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferrable) AS condeferrable,\n"
                + "  (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND "
                + "conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferred) AS condeferred,\ni.indisreplident,\n"
                + "i.indnullsnotdistinct,\n  a.amname, c2.relname, pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)\n"
                + "FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a\n"
                + "WHERE i.indexrelid = c.oid AND c.oid = '" + oid + "' AND c.relam = a.oid\nAND i.indrelid = c2.oid;").rows().get(0);
        List<String> headers = new ArrayList<>(List.of("Column", "Type", "Key?", "Definition"));
        if (verbose) {
            headers.addAll(List.of("Storage", "Stats target"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> c : columns) {
            List<String> row = new ArrayList<>(List.of(c.get(0), c.get(1), c.get(2), c.get(3)));
            if (verbose) {
                row.add(storage(c.get(4)));
                row.add(c.get(5) == null ? "" : c.get(5));
            }
            rows.add(row);
        }
        StringBuilder line = new StringBuilder();
        if ("t".equals(info.get(1))) {
            line.append("primary key, ");
        } else if ("t".equals(info.get(0))) {
            line.append("unique").append("t".equals(info.get(7)) ? " nulls not distinct" : "").append(", ");
        }
        line.append(info.get(8)).append(", for table \"").append(schema).append('.').append(info.get(9)).append('"');
        if (info.get(10) != null && !info.get(10).isEmpty()) {
            line.append(", predicate (").append(info.get(10)).append(')');
        }
        appendIf(line, "t".equals(info.get(2)), ", clustered");
        appendIf(line, !"t".equals(info.get(3)), ", invalid");
        appendIf(line, "t".equals(info.get(4)), ", deferrable");
        appendIf(line, "t".equals(info.get(5)), ", initially deferred");
        appendIf(line, "t".equals(info.get(6)), ", replica identity");
        List<String> footers = new ArrayList<>(List.of(line.toString()));
        if (verbose && options != null && !options.isEmpty()) {
            footers.add("Options: " + options);
        }
        List<Boolean> right = new ArrayList<>();
        headers.forEach(h -> right.add(false));
        return TableFormatter.format(new Table(title(kind, persistence), headers, right, rows, footers), false);
    }

    private static void appendIf(StringBuilder line, boolean condition, String text) {
        if (condition) {
            line.append(text);
        }
    }

    private String title(char kind, char persistence) {
        String qualified = "\"" + schema + "." + name + "\"";
        boolean unlogged = persistence == 'u';
        return switch (kind) {
            case 'r' -> (unlogged ? "Unlogged table " : "Table ") + qualified;
            case 'v' -> "View " + qualified;
            case 'm' -> (unlogged ? "Unlogged materialized view " : "Materialized view ") + qualified;
            case 'S' -> (unlogged ? "Unlogged sequence " : "Sequence ") + qualified;
            case 'i' -> (unlogged ? "Unlogged index " : "Index ") + qualified;
            case 'I' -> (unlogged ? "Unlogged partitioned index " : "Partitioned index ") + qualified;
            case 't' -> "TOAST table " + qualified;
            case 'c' -> "Composite type " + qualified;
            case 'f' -> "Foreign table " + qualified;
            case 'p' -> (unlogged ? "Unlogged partitioned table " : "Partitioned table ") + qualified;
            default -> "?" + kind + "? " + qualified;
        };
    }

    private static String defaultOf(String identity, String generated, String expression) {
        if ("a".equals(identity)) {
            return "generated always as identity";
        }
        if ("d".equals(identity)) {
            return "generated by default as identity";
        }
        if ("s".equals(generated)) {
            return "generated always as (" + expression + ") stored";
        }
        return expression == null ? "" : expression;
    }

    private static String storage(String code) {
        return switch (code == null ? "" : code) {
            case "p" -> "plain";
            case "m" -> "main";
            case "x" -> "extended";
            case "e" -> "external";
            default -> "???";
        };
    }

    private static String compression(String code) {
        return switch (code == null ? "" : code) {
            case "p" -> "pglz";
            case "l" -> "lz4";
            default -> "";
        };
    }

    private void partitionOf(List<String> footers) throws SqlException {
        List<List<String>> rows = describe.query("SELECT inhparent::pg_catalog.regclass,\n  pg_catalog.pg_get_expr(c.relpartbound, c.oid)"
                + (verbose ? ",\n  pg_catalog.pg_get_partition_constraintdef(c.oid)" : "")
                + "\nFROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid\nWHERE c.oid = '" + oid + "';").rows();
        if (rows.isEmpty()) {
            return;
        }
        footers.add("Partition of: " + rows.get(0).get(0) + " " + rows.get(0).get(1));
        if (verbose) {
            String constraint = rows.get(0).get(2);
            footers.add(constraint == null || constraint.isEmpty() ? "No partition constraint" : "Partition constraint: " + constraint);
        }
    }

    private void indexes(List<String> footers) throws SqlException {
        List<List<String>> rows = describe.query("SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, "
                + "pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),\n  pg_catalog.pg_get_constraintdef(con.oid, true), contype, "
                + "condeferrable, condeferred, i.indisreplident, c2.reltablespace\nFROM pg_catalog.pg_class c, pg_catalog.pg_class c2, "
                + "pg_catalog.pg_index i\n  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid "
                + "AND contype IN ('p','u','x'))\nWHERE c.oid = '" + oid + "' AND c.oid = i.indrelid AND i.indexrelid = c2.oid\n"
                + "ORDER BY i.indisprimary DESC, c2.relname;").rows();
        if (rows.isEmpty()) {
            return;
        }
        footers.add("Indexes:");
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder("    \"").append(r.get(0)).append('"');
            if ("x".equals(r.get(7))) {
                line.append(' ').append(r.get(6));
            } else {
                if ("t".equals(r.get(1))) {
                    line.append(" PRIMARY KEY,");
                } else if ("t".equals(r.get(2))) {
                    line.append("u".equals(r.get(7)) ? " UNIQUE CONSTRAINT," : " UNIQUE,");
                }
                String definition = r.get(5);
                int using = definition.indexOf(" USING ");
                line.append(' ').append(using >= 0 ? definition.substring(using + 7) : definition);
                if ("t".equals(r.get(8))) {
                    line.append(" DEFERRABLE");
                }
                if ("t".equals(r.get(9))) {
                    line.append(" INITIALLY DEFERRED");
                }
            }
            if ("t".equals(r.get(3))) {
                line.append(" CLUSTER");
            }
            if (!"t".equals(r.get(4))) {
                line.append(" INVALID");
            }
            if ("t".equals(r.get(10))) {
                line.append(" REPLICA IDENTITY");
            }
            footers.add(line.toString());
        }
    }

    private void checkConstraints(List<String> footers) throws SqlException {
        List<List<String>> rows = describe.query("SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)\n"
                + "FROM pg_catalog.pg_constraint r\nWHERE r.conrelid = '" + oid + "' AND r.contype = 'c'\nORDER BY 1;").rows();
        if (rows.isEmpty()) {
            return;
        }
        footers.add("Check constraints:");
        for (List<String> r : rows) {
            footers.add("    \"" + r.get(0) + "\" " + r.get(1));
        }
    }

    private void foreignKeys(List<String> footers) throws SqlException {
        List<List<String>> rows = describe.query("SELECT true as sametable, conname,\n  pg_catalog.pg_get_constraintdef(r.oid, true) as condef,\n"
                + "  conrelid::pg_catalog.regclass AS ontable\nFROM pg_catalog.pg_constraint r\nWHERE r.conrelid = '" + oid
                + "' AND r.contype = 'f'\n     AND conparentid = 0\nORDER BY conname").rows();
        if (rows.isEmpty()) {
            return;
        }
        footers.add("Foreign-key constraints:");
        for (List<String> r : rows) {
            footers.add("    \"" + r.get(1) + "\" " + r.get(2));
        }
    }

    private void referencedBy(List<String> footers) throws SqlException {
        List<List<String>> rows = describe.query("SELECT conname, conrelid::pg_catalog.regclass AS ontable,\n"
                + "       pg_catalog.pg_get_constraintdef(oid, true) AS condef\n  FROM pg_catalog.pg_constraint c\n"
                + " WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('" + oid + "')\n"
                + "                     UNION ALL VALUES ('" + oid + "'::pg_catalog.regclass))\n"
                + "       AND contype = 'f' AND conparentid = 0\nORDER BY conname;").rows();
        if (rows.isEmpty()) {
            return;
        }
        footers.add("Referenced by:");
        for (List<String> r : rows) {
            footers.add("    TABLE \"" + r.get(1) + "\" CONSTRAINT \"" + r.get(0) + "\" " + r.get(2));
        }
    }

    private void triggers(List<String> footers) throws SqlException {
        List<List<String>> rows = describe.query("SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,\n"
                + "  CASE WHEN t.tgparentid != 0 THEN\n    (SELECT u.tgrelid::pg_catalog.regclass\n     FROM pg_catalog.pg_trigger AS u,\n"
                + "          pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)\n"
                + "     WHERE u.tgname = t.tgname AND u.tgrelid = a.relid\n           AND u.tgparentid = 0\n"
                + "     ORDER BY a.depth LIMIT 1)\n  END AS parent\nFROM pg_catalog.pg_trigger t\nWHERE t.tgrelid = '" + oid
                + "' AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))\nORDER BY 1;").rows();
        String[] titles = {"Triggers:", "Disabled user triggers:", "Disabled internal triggers:", "Triggers firing always:",
                "Triggers firing on replica only:"};
        for (int category = 0; category < titles.length; category++) {
            boolean headed = false;
            for (List<String> r : rows) {
                String enabled = r.get(2);
                boolean internal = "t".equals(r.get(3));
                int of = switch (enabled) {
                    case "O", "t" -> 0;
                    case "D", "f" -> internal ? 2 : 1;
                    case "A" -> 3;
                    case "R" -> 4;
                    default -> -1;
                };
                if (of != category) {
                    continue;
                }
                if (!headed) {
                    footers.add(titles[category]);
                    headed = true;
                }
                String definition = r.get(1);
                int at = definition.indexOf(" TRIGGER ");
                String line = "    " + (at >= 0 ? definition.substring(at + 9) : definition);
                if (r.get(4) != null) {
                    line += ", ON TABLE " + r.get(4);
                }
                footers.add(line);
            }
        }
    }

    private void children(List<String> footers, char kind) throws SqlException {
        List<List<String>> parents = describe.query("SELECT c.oid::pg_catalog.regclass\nFROM pg_catalog.pg_class c, pg_catalog.pg_inherits i\n"
                + "WHERE c.oid = i.inhparent AND i.inhrelid = '" + oid + "'\n  AND c.relkind != 'p' AND c.relkind != 'I'\n"
                + "ORDER BY inhseqno;").rows();
        for (int i = 0; i < parents.size(); i++) {
            footers.add((i == 0 ? "Inherits: " : "          ") + parents.get(i).get(0) + (i < parents.size() - 1 ? "," : ""));
        }
        List<List<String>> children = describe.query("SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, "
                + "pg_catalog.pg_get_expr(c.relpartbound, c.oid)\nFROM pg_catalog.pg_class c, pg_catalog.pg_inherits i\n"
                + "WHERE c.oid = i.inhrelid AND i.inhparent = '" + oid + "'\nORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = "
                + "'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;").rows();
        boolean partitioned = kind == 'p';
        if (partitioned && children.isEmpty()) {
            footers.add("Number of partitions: 0");
        } else if (!verbose) {
            if (!children.isEmpty()) {
                footers.add((partitioned ? "Number of partitions: " : "Number of child tables: ") + children.size()
                        + " (Use \\d+ to list them.)");
            }
        } else {
            String label = partitioned ? "Partitions" : "Child tables";
            for (int i = 0; i < children.size(); i++) {
                List<String> child = children.get(i);
                StringBuilder line = new StringBuilder(i == 0 ? label + ": " : " ".repeat(label.length()) + "  ");
                line.append(child.get(0));
                if (child.get(3) != null) {
                    line.append(' ').append(child.get(3));
                }
                char childKind = child.get(1).charAt(0);
                // psql 15 marks partitioned children only (16 added ", FOREIGN")
                if (childKind == 'p' || childKind == 'I') {
                    line.append(", PARTITIONED");
                }
                if ("t".equals(child.get(2))) {
                    line.append(" (DETACH PENDING)");
                }
                if (i < children.size() - 1) {
                    line.append(',');
                }
                footers.add(line.toString());
            }
        }
    }
}
