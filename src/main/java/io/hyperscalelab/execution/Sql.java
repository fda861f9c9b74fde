package io.hyperscalelab.execution;

/** Quoting for the SQL the executor writes itself. */
final class Sql {

    private Sql() {
    }

    /** A double-quoted identifier, always quoted so no name can be read as a keyword or split. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A string literal that means the same whatever the session's standard_conforming_strings. */
    static String literal(String value) {
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + '\'';
    }

    /**
     * A text[] constant: one array literal (the server parses one token, not one per element),
     * each element double-quoted with its quotes and backslashes escaped, NULL for null.
     */
    static String textArray(java.util.List<String> values) {
        return arrayLiteral(values) + "::text[]";
    }

    /** The array literal alone, for a cast to an array of the values' own type. */
    static String arrayLiteral(java.util.List<String> values) {
        StringBuilder array = new StringBuilder(values.size() * 16 + 2).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            String value = values.get(i);
            if (value == null) {
                array.append("NULL");
            } else {
                array.append('"');
                for (int c = 0; c < value.length(); c++) {
                    char ch = value.charAt(c);
                    if (ch == '"' || ch == '\\') {
                        array.append('\\');
                    }
                    array.append(ch);
                }
                array.append('"');
            }
        }
        return literal(array.append('}').toString());
    }
}
