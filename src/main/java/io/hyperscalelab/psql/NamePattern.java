package io.hyperscalelab.psql;

import java.util.Locale;

/**
 * psql's object name patterns ({@code \dt github*}, {@code \d "MyTable"}, {@code \d public.t}):
 * unquoted letters fold to lower case, {@code *} and {@code ?} are wildcards, a dot separates
 * the schema, and the result is the {@code ^(...)$} regular expression psql sends.
 */
record NamePattern(String schemaRegex, String nameRegex) {

    static NamePattern parse(String pattern) {
        StringBuilder current = new StringBuilder();
        String schema = null;
        boolean inQuotes = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '"') {
                if (inQuotes && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (!inQuotes && c == '.') {
                schema = current.toString();
                current.setLength(0);
            } else if (!inQuotes && c == '*') {
                current.append(".*");
            } else if (!inQuotes && c == '?') {
                current.append('.');
            } else if (!inQuotes && Character.isUpperCase(c)) {
                current.append(Character.toLowerCase(c));
            } else if ("|*+?()[]{}.^$\\".indexOf(c) >= 0) {
                current.append('\\').append(c);
            } else {
                current.append(c);
            }
        }
        String name = current.toString();
        return new NamePattern(schema == null ? null : "^(" + schema + ")$", name.equals(".*") ? null : "^(" + name + ")$");
    }

    /** SQL conditions for the name and schema columns, AND-joined, each on its own line. */
    String conditions(String nameColumn, String schemaColumn, String visibility) {
        StringBuilder sql = new StringBuilder();
        if (nameRegex != null) {
            sql.append("  AND ").append(nameColumn).append(" OPERATOR(pg_catalog.~) ").append(literal(nameRegex))
                    .append(" COLLATE pg_catalog.default\n");
        }
        if (schemaRegex != null) {
            sql.append("  AND ").append(schemaColumn).append(" OPERATOR(pg_catalog.~) ").append(literal(schemaRegex))
                    .append(" COLLATE pg_catalog.default\n");
        } else if (visibility != null) {
            sql.append("  AND ").append(visibility).append('\n');
        }
        return sql.toString();
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
