package io.hyperscalelab.execution;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Splits text into statements with pgjdbc's lexer, which knows PostgreSQL's quoting (strings,
 * E'' strings, dollar quotes, quoted identifiers) and comments, so a {@code ;} inside any of
 * them does not end a statement.
 */
public final class SqlScript {

    /** One statement of a script: its text and where it starts (0-based) in the script. */
    public record Piece(String sql, int offset) {
    }

    private SqlScript() {
    }

    /** The script's statements in order; blank ones (stray semicolons, comments only) are left out. */
    public static List<Piece> split(String script) {
        List<NativeQuery> queries;
        try {
            queries = Parser.parseJdbcSql(script, true, false, true, false, false);
        } catch (SQLException e) {
            // the lexer only fails on what it cannot tokenise; the server will say what is wrong
            return List.of(new Piece(script, 0));
        }
        List<Piece> pieces = new ArrayList<>();
        int from = 0;
        for (NativeQuery query : queries) {
            int at = script.indexOf(query.nativeSql, from);
            if (at < 0) {
                return List.of(new Piece(script, 0));
            }
            from = at + query.nativeSql.length();
            if (!query.nativeSql.isBlank()) {
                int lead = 0;
                while (Character.isWhitespace(query.nativeSql.charAt(lead))) {
                    lead++;
                }
                pieces.add(new Piece(query.nativeSql.substring(lead), at + lead));
            }
        }
        return pieces;
    }
}
