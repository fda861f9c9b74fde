package io.hyperscalelab.execution;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
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

    /** Whether a piece holds anything but whitespace and comments. */
    private static boolean hasTokens(String piece) {
        if (piece.isBlank()) {
            return false;
        }
        try {
            return new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(piece))).getNextToken().kind != 0;
        } catch (RuntimeException | Error e) {
            return true; // not lexable here: the server will judge it
        }
    }

    /**
     * The one statement a learner ran (a trailing semicolon is fine), or empty for none; two
     * statements are refused, so that nothing runs that the learner did not see as one statement.
     */
    static Optional<Piece> onlyStatement(String text) throws StatementException {
        List<Piece> pieces = split(text);
        if (pieces.size() > 1) {
            throw new StatementException("cannot run " + pieces.size() + " statements at once", "42601", null,
                    "Run one statement at a time; the second one starts here.", pieces.get(1).offset() + 1, null, null);
        }
        return pieces.stream().findFirst();
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
            if (hasTokens(query.nativeSql)) {
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
