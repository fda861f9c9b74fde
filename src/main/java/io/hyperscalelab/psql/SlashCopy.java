package io.hyperscalelab.psql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code \copy} command (psql's parse_slash_copy): the table or query, the direction,
 * the client-side file, program or stdin/stdout, and the options passed on to the server's COPY.
 */
record SlashCopy(String beforeDirection, boolean from, Source source, String file, String options) {

    enum Source { FILE, PROGRAM, STDIO }

    private static final Pattern PLAIN_CSV = Pattern.compile(
            "(?i)\\s*(with\\s*)?(csv|\\(\\s*format\\s+'?csv'?\\s*\\))\\s*;?\\s*");
    private static final Pattern TABLE_AND_COLUMNS = Pattern.compile(
            "\\s*((?:\"(?:[^\"]|\"\")+\"|[^\\s(\".]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[^\\s(\".]+))?)\\s*(?:\\((.*)\\))?\\s*",
            Pattern.DOTALL);

    static SlashCopy parse(String args) throws ParseException {
        if (args == null || args.isBlank()) {
            throw new ParseException("\\copy: arguments required");
        }
        Tokens tokens = new Tokens(args);
        int directionStart = -1;
        int directionEnd = -1;
        boolean from = false;
        int depth = 0;
        while (tokens.next()) {
            String token = tokens.token();
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth--;
            } else if (depth == 0 && (token.equalsIgnoreCase("from") || token.equalsIgnoreCase("to"))
                    && tokens.start() > 0) {
                from = token.equalsIgnoreCase("from");
                directionStart = tokens.start();
                directionEnd = tokens.end();
                break;
            }
        }
        if (directionStart < 0) {
            throw new ParseException("\\copy: parse error at end of line");
        }
        String before = args.substring(0, directionStart).strip();
        if (!tokens.next()) {
            throw new ParseException("\\copy: parse error at end of line");
        }
        String word = tokens.token();
        Source source;
        String file;
        if (word.equalsIgnoreCase("program")) {
            if (!tokens.next()) {
                throw new ParseException("\\copy: parse error at end of line");
            }
            if (!tokens.token().startsWith("'")) {
                throw new ParseException("\\copy: parse error at \"" + tokens.token() + "\"");
            }
            source = Source.PROGRAM;
            file = unquote(tokens.token());
        } else if (word.equalsIgnoreCase("stdin") || word.equalsIgnoreCase("stdout")
                || word.equalsIgnoreCase("pstdin") || word.equalsIgnoreCase("pstdout")) {
            source = Source.STDIO;
            file = word.toLowerCase(Locale.ROOT);
        } else {
            source = Source.FILE;
            file = word.startsWith("'") ? unquote(word) : word;
        }
        String options = args.substring(tokens.end()).strip();
        return new SlashCopy(before, from, source, file, options);
    }

    /** The statement psql sends: {@code COPY <table> FROM STDIN <options>}. */
    String sql() {
        return "COPY " + beforeDirection + (from ? " FROM STDIN " : " TO STDOUT ") + options;
    }

    /** CSV with nothing but the defaults, which the sharded loader reads. */
    boolean plainCsv() {
        return PLAIN_CSV.matcher(options).matches();
    }

    /** The table and column list; null when the copy is of a query. */
    TableTarget target() {
        if (beforeDirection.startsWith("(")) {
            return null;
        }
        Matcher m = TABLE_AND_COLUMNS.matcher(beforeDirection);
        if (!m.matches()) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        if (m.group(2) != null) {
            for (String column : m.group(2).split(",")) {
                columns.add(column.strip());
            }
        }
        return new TableTarget(m.group(1), List.copyOf(columns));
    }

    record TableTarget(String table, List<String> columns) {
    }

    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message);
        }
    }

    // psql's single-quoted file names: '' for a quote, backslash escapes
    private static String unquote(String quoted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\'' && i + 1 < quoted.length() - 1 && quoted.charAt(i + 1) == '\'') {
                sb.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < quoted.length() - 1) {
                sb.append(quoted.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Words, quoted strings and parentheses, with their offsets. */
    private static final class Tokens {
        private final String text;
        private int position;
        private int start;
        private String token;

        Tokens(String text) {
            this.text = text;
        }

        boolean next() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            if (position >= text.length()) {
                return false;
            }
            start = position;
            char c = text.charAt(position);
            if (c == '(' || c == ')' || c == ',') {
                position++;
            } else if (c == '\'' || c == '"') {
                position++;
                while (position < text.length()) {
                    char d = text.charAt(position++);
                    if (d == '\\' && c == '\'' && position < text.length()) {
                        position++;
                    } else if (d == c) {
                        if (position < text.length() && text.charAt(position) == c) {
                            position++;
                        } else {
                            break;
                        }
                    }
                }
            } else {
                while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                        && "(),'".indexOf(text.charAt(position)) < 0) {
                    position++;
                }
            }
            token = text.substring(start, position);
            return true;
        }

        String token() {
            return token;
        }

        int start() {
            return start;
        }

        int end() {
            return position;
        }
    }
}
