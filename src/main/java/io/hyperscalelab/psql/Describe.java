package io.hyperscalelab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's describe commands ({@code \d}, {@code \dt}, {@code \di}, {@code \d+ table}, {@code \dx},
 * {@code \dn}, {@code \du}, {@code \l}): the catalog queries psql 15 sends (as {@code psql -E}
 * shows them) and the tables and footers it prints from their answers.
 */
final class Describe {

    private static final String RELKIND_NAMES = "CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN "
            + "'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN "
            + "'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\"";

    private final SqlConnection connection;

    Describe(SqlConnection connection) {
        this.connection = connection;
    }

    /** The output of {@code \<command> [pattern]}, or null when the command is not one of these. */
    String run(String command, String pattern) throws SqlException {
        String base = command;
        boolean verbose = base.endsWith("+");
        if (verbose) {
            base = base.substring(0, base.length() - 1);
        }
        boolean system = base.length() > 1 && base.endsWith("S") && !base.equals("S");
        if (system) {
            base = base.substring(0, base.length() - 1);
        }
        switch (base) {
            case "d":
                return pattern == null ? listRelations("tvmsE", null, verbose, system) : describeRelations(pattern, verbose, system);
            case "l":
                return listDatabases(pattern, verbose);
            case "dx":
                return listExtensions(pattern);
            case "dn":
                return listSchemas(pattern, system);
            case "du", "dg":
                return listRoles(pattern, system);
            default:
                if (base.length() > 1 && base.startsWith("d") && base.substring(1).matches("[tivmsE]+")) {
                    return listRelations(base.substring(1), pattern, verbose, system);
                }
                return null;
        }
    }

    private String listRelations(String kinds, String pattern, boolean verbose, boolean system) throws SqlException {
        boolean tables = kinds.contains("t");
        boolean indexes = kinds.contains("i");
        boolean views = kinds.contains("v");
        boolean matViews = kinds.contains("m");
        boolean sequences = kinds.contains("s");
        boolean foreign = kinds.contains("E");
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n  ")
                .append(RELKIND_NAMES).append(",\n  pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"");
        if (indexes) {
            sql.append(",\n  c2.relname as \"Table\"");
        }
        if (verbose) {
            sql.append(",\n  CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END as \"Persistence\"");
            if (tables || matViews || indexes) {
                sql.append(",\n  am.amname as \"Access method\"");
            }
            sql.append(",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as \"Size\""
                    + ",\n  pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace");
        if (tables || matViews || indexes) {
            sql.append("\n     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam");
        }
        if (indexes) {
            sql.append("\n     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid"
                    + "\n     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid");
        }
        sql.append("\nWHERE c.relkind IN (");
        if (tables) {
            sql.append("'r','p',");
            if (system || pattern != null) {
                sql.append("'t',");
            }
        }
        if (views) {
            sql.append("'v',");
        }
        if (matViews) {
            sql.append("'m',");
        }
        if (indexes) {
            sql.append("'i','I',");
        }
        if (sequences) {
            sql.append("'S',");
        }
        if (system || pattern != null) {
            sql.append("'s',");
        }
        if (foreign) {
            sql.append("'f',");
        }
        sql.append("'')\n");
        if (!system && pattern == null) {
            sql.append("      AND n.nspname <> 'pg_catalog'\n      AND n.nspname !~ '^pg_toast'\n"
                    + "      AND n.nspname <> 'information_schema'\n");
        }
        if (pattern != null) {
            sql.append(NamePattern.parse(pattern).conditions("c.relname", "n.nspname", "pg_catalog.pg_table_is_visible(c.oid)"));
        } else {
            sql.append("  AND pg_catalog.pg_table_is_visible(c.oid)\n");
        }
        sql.append("ORDER BY 1,2;");
        SqlResult.Rows rows = query(sql.toString());
        if (rows.rows().isEmpty()) {
            return pattern != null ? "Did not find any relation named \"" + pattern + "\".\n" : "Did not find any relations.\n";
        }
        return table("List of relations", rows, null);
    }

    private String describeRelations(String pattern, boolean verbose, boolean system) throws SqlException {
        StringBuilder sql = new StringBuilder("SELECT c.oid,\n  n.nspname,\n  c.relname\nFROM pg_catalog.pg_class c\n"
                + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n");
        String conditions = NamePattern.parse(pattern).conditions("c.relname", "n.nspname", "pg_catalog.pg_table_is_visible(c.oid)");
        sql.append(conditions.replaceFirst("^  AND ", "WHERE "));
        sql.append("ORDER BY 2, 3;");
        SqlResult.Rows found = query(sql.toString());
        if (found.rows().isEmpty()) {
            return "Did not find any relation named \"" + pattern + "\".\n";
        }
        StringBuilder out = new StringBuilder();
        for (List<String> relation : found.rows()) {
            out.append(new TableDetails(this, relation.get(0), relation.get(1), relation.get(2), verbose).render());
        }
        return out.toString();
    }

    private String listExtensions(String pattern) throws SqlException {
        StringBuilder sql = new StringBuilder("SELECT e.extname AS \"Name\", e.extversion AS \"Version\", n.nspname AS \"Schema\", "
                + "c.description AS \"Description\"\nFROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_namespace n ON "
                + "n.oid = e.extnamespace LEFT JOIN pg_catalog.pg_description c ON c.objoid = e.oid AND c.classoid = "
                + "'pg_catalog.pg_extension'::pg_catalog.regclass\n");
        if (pattern != null) {
            sql.append(NamePattern.parse(pattern).conditions("e.extname", "e.extname", null).replaceFirst("^  AND ", "WHERE "));
        }
        sql.append("ORDER BY 1;");
        SqlResult.Rows rows = query(sql.toString());
        if (rows.rows().isEmpty() && pattern != null) {
            return "Did not find any extension named \"" + pattern + "\".\n";
        }
        return table("List of installed extensions", rows, null);
    }

    private String listSchemas(String pattern, boolean system) throws SqlException {
        StringBuilder sql = new StringBuilder("SELECT n.nspname AS \"Name\",\n  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\"\n"
                + "FROM pg_catalog.pg_namespace n\n");
        boolean where = false;
        if (!system && pattern == null) {
            sql.append("WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n");
            where = true;
        }
        if (pattern != null) {
            String c = NamePattern.parse(pattern).conditions("n.nspname", "n.nspname", null);
            sql.append(where ? c : c.replaceFirst("^  AND ", "WHERE "));
        }
        sql.append("ORDER BY 1;");
        SqlResult.Rows rows = query(sql.toString());
        if (rows.rows().isEmpty() && pattern != null) {
            return "Did not find any schema named \"" + pattern + "\".\n";
        }
        return table("List of schemas", rows, null);
    }

    private String listRoles(String pattern, boolean system) throws SqlException {
        StringBuilder sql = new StringBuilder("SELECT r.rolname, r.rolsuper, r.rolinherit,\n  r.rolcreaterole, r.rolcreatedb, "
                + "r.rolcanlogin,\n  r.rolconnlimit, r.rolvaliduntil,\n  ARRAY(SELECT b.rolname\n        FROM "
                + "pg_catalog.pg_auth_members m\n        JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid)\n        WHERE "
                + "m.member = r.oid) as memberof\n, r.rolreplication\n, r.rolbypassrls\nFROM pg_catalog.pg_roles r\n");
        if (!system && pattern == null) {
            sql.append("WHERE r.rolname !~ '^pg_'\n");
        } else if (pattern != null) {
            sql.append(NamePattern.parse(pattern).conditions("r.rolname", "r.rolname", null).replaceFirst("^  AND ", "WHERE "));
        }
        sql.append("ORDER BY 1;");
        SqlResult.Rows rows = query(sql.toString());
        if (rows.rows().isEmpty() && pattern != null) {
            return "Did not find any role named \"" + pattern + "\".\n";
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows.rows()) {
            List<String> attributes = new ArrayList<>();
            if ("t".equals(r.get(1))) {
                attributes.add("Superuser");
            }
            if (!"t".equals(r.get(2))) {
                attributes.add("No inheritance");
            }
            if ("t".equals(r.get(3))) {
                attributes.add("Create role");
            }
            if ("t".equals(r.get(4))) {
                attributes.add("Create DB");
            }
            if (!"t".equals(r.get(5))) {
                attributes.add("Cannot login");
            }
            if ("t".equals(r.get(9))) {
                attributes.add("Replication");
            }
            if ("t".equals(r.get(10))) {
                attributes.add("Bypass RLS");
            }
            int limit = Integer.parseInt(r.get(6));
            if (limit >= 0) {
                attributes.add(limit == 1 ? "1 connection" : limit + " connections");
            }
            if (r.get(7) != null) {
                attributes.add("Password valid until " + r.get(7));
            }
            out.add(List.of(r.get(0), String.join(", ", attributes), r.get(8)));
        }
        return TableFormatter.format(new Table("List of roles", List.of("Role name", "Attributes", "Member of"),
                List.of(false, false, false), out, List.of()), false);
    }

    private String listDatabases(String pattern, boolean verbose) throws SqlException {
        int version = connection.server().versionNum();
        StringBuilder sql = new StringBuilder("SELECT d.datname as \"Name\",\n       pg_catalog.pg_get_userbyid(d.datdba) as \"Owner\",\n"
                + "       pg_catalog.pg_encoding_to_char(d.encoding) as \"Encoding\",\n");
        if (version >= 170000) {
            sql.append("       CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\",\n"
                    + "       d.datcollate as \"Collate\",\n       d.datctype as \"Ctype\",\n       d.datlocale as \"Locale\",\n"
                    + "       d.daticurules as \"ICU Rules\",\n");
        } else {
            sql.append("       d.datcollate as \"Collate\",\n       d.datctype as \"Ctype\",\n       d.daticulocale as \"ICU Locale\",\n"
                    + "       CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\",\n");
        }
        sql.append("       pg_catalog.array_to_string(d.datacl, E'\\n') AS \"Access privileges\"");
        if (verbose) {
            sql.append(",\n       CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')\n"
                    + "            THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))\n"
                    + "            ELSE 'No Access'\n       END as \"Size\",\n       t.spcname as \"Tablespace\",\n"
                    + "       pg_catalog.shobj_description(d.oid, 'pg_database') as \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_database d\n");
        if (verbose) {
            sql.append("  JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid\n");
        }
        if (pattern != null) {
            sql.append(NamePattern.parse(pattern).conditions("d.datname", "d.datname", null).replaceFirst("^  AND ", "WHERE "));
        }
        sql.append("ORDER BY 1;");
        return table("List of databases", query(sql.toString()), null);
    }

    SqlResult.Rows query(String sql) throws SqlException {
        for (SqlResult result : connection.execute(sql, notice -> { })) {
            if (result instanceof SqlResult.Rows rows) {
                return rows;
            }
        }
        throw new SqlException(ServerMessage.error("XX000", "the catalog query returned no rows"), false, null);
    }

    static String table(String title, SqlResult.Rows rows, List<String> footers) {
        List<String> headers = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (SqlResult.Column column : rows.columns()) {
            headers.add(column.name());
            right.add(column.rightAligned());
        }
        return TableFormatter.format(new Table(title, headers, right, rows.rows(), footers), false);
    }
}
