package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

/** PostgreSQL's reading of names and the comparison of expressions as written. */
final class Identifiers {

    private Identifiers() {
    }

    /** A name as PostgreSQL reads it: quoted names exactly, others folded to lower case (ASCII letters only, as PostgreSQL does). */
    static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
        }
        StringBuilder folded = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /**
     * An expression's tokens with layout removed and unquoted words folded, so that
     * {@code date_trunc('hour',created_at)} and {@code DATE_TRUNC('hour', created_at)} compare equal.
     */
    static String canonical(String expression) {
        List<String> images = new ArrayList<>();
        try {
            CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(expression)));
            for (Token t = lexer.getNextToken(); t.kind != 0; t = lexer.getNextToken()) {
                String image = t.image;
                images.add(image.startsWith("'") || image.startsWith("\"") || image.startsWith("$") ? image
                        : image.toLowerCase(Locale.ROOT));
            }
        } catch (RuntimeException | Error e) {
            return expression;
        }
        return String.join(" ", images);
    }
}
