package io.hyperscalelab.psql;

/**
 * psql's lexer (psqlscan.l), as far as psql needs it to split input into statements: it copies
 * a line into the query buffer until a semicolon outside quotes, comments, parentheses and
 * {@code BEGIN ... END} function bodies, or an unquoted backslash that starts a psql command.
 * Its state carries over from line to line, and gives the continuation prompt's mark.
 */
final class StatementScanner {

    enum Result { SEMICOLON, BACKSLASH, END_OF_LINE }

    private enum State { INITIAL, COMMENT, SINGLE_QUOTE, ESCAPE_QUOTE, DOUBLE_QUOTE, DOLLAR_QUOTE }

    private State state = State.INITIAL;
    private int commentDepth;
    private int parenDepth;
    private int beginDepth;
    private String dollarTag;
    private final char[] identifiers = new char[4];
    private int identifierCount;

    private String line = "";
    private int position;

    void setLine(String newLine) {
        line = newLine;
        position = 0;
    }

    /** What is left of the line after the last scan, e.g. a backslash command's arguments. */
    String rest() {
        return line.substring(position);
    }

    void skip(int characters) {
        position += characters;
    }

    /** Forgets a half-typed statement (Ctrl-C, {@code \r}). */
    void reset() {
        state = State.INITIAL;
        commentDepth = 0;
        parenDepth = 0;
        beginDepth = 0;
        dollarTag = null;
        identifierCount = 0;
    }

    /**
     * Scans on from the current position, appending to {@code buffer}. Stops after a
     * statement-ending semicolon (appended), at a backslash command (the backslash is consumed,
     * not appended) or at the end of the line.
     */
    Result scan(StringBuilder buffer) {
        int n = line.length();
        while (position < n) {
            char c = line.charAt(position);
            switch (state) {
                case COMMENT -> {
                    if (c == '/' && peek(1) == '*') {
                        commentDepth++;
                        buffer.append("/*");
                        position += 2;
                    } else if (c == '*' && peek(1) == '/') {
                        commentDepth--;
                        buffer.append("*/");
                        position += 2;
                        if (commentDepth == 0) {
                            state = State.INITIAL;
                        }
                    } else {
                        buffer.append(c);
                        position++;
                    }
                }
                case SINGLE_QUOTE, ESCAPE_QUOTE -> {
                    if (c == '\'' && peek(1) == '\'') {
                        buffer.append("''");
                        position += 2;
                    } else if (c == '\'') {
                        buffer.append(c);
                        position++;
                        state = State.INITIAL;
                    } else if (c == '\\' && state == State.ESCAPE_QUOTE && position + 1 < n) {
                        buffer.append(c).append(line.charAt(position + 1));
                        position += 2;
                    } else {
                        buffer.append(c);
                        position++;
                    }
                }
                case DOUBLE_QUOTE -> {
                    if (c == '"' && peek(1) == '"') {
                        buffer.append("\"\"");
                        position += 2;
                    } else {
                        buffer.append(c);
                        position++;
                        if (c == '"') {
                            state = State.INITIAL;
                        }
                    }
                }
                case DOLLAR_QUOTE -> {
                    String tag = dollarTagAt(position);
                    if (tag != null && tag.equals(dollarTag)) {
                        buffer.append(tag);
                        position += tag.length();
                        state = State.INITIAL;
                        dollarTag = null;
                    } else {
                        buffer.append(c);
                        position++;
                    }
                }
                case INITIAL -> {
                    Result result = initial(buffer, c);
                    if (result != null) {
                        return result;
                    }
                }
                default -> throw new IllegalStateException(state.toString());
            }
        }
        return Result.END_OF_LINE;
    }

    private Result initial(StringBuilder buffer, char c) {
        if (Character.isWhitespace(c)) {
            if (buffer.length() > 0) {
                buffer.append(c);
            }
            position++;
        } else if (c == '-' && peek(1) == '-') {
            String comment = line.substring(position);
            if (buffer.length() > 0) {
                buffer.append(comment);
            }
            position = line.length();
        } else if (c == '/' && peek(1) == '*') {
            state = State.COMMENT;
            commentDepth = 1;
            buffer.append("/*");
            position += 2;
        } else if (c == '\'') {
            state = State.SINGLE_QUOTE;
            buffer.append(c);
            position++;
        } else if (c == '"') {
            state = State.DOUBLE_QUOTE;
            buffer.append(c);
            position++;
        } else if (c == '$') {
            String tag = dollarTagAt(position);
            if (tag != null) {
                state = State.DOLLAR_QUOTE;
                dollarTag = tag;
                buffer.append(tag);
                position += tag.length();
            } else {
                buffer.append(c);
                position++;
                while (position < line.length() && Character.isDigit(line.charAt(position))) {
                    buffer.append(line.charAt(position++));
                }
            }
        } else if (c == '(') {
            parenDepth++;
            buffer.append(c);
            position++;
        } else if (c == ')') {
            if (parenDepth > 0) {
                parenDepth--;
            }
            buffer.append(c);
            position++;
        } else if (c == ';') {
            buffer.append(c);
            position++;
            if (parenDepth == 0 && beginDepth == 0) {
                identifierCount = 0;
                return Result.SEMICOLON;
            }
        } else if (c == '\\') {
            position++;
            return Result.BACKSLASH;
        } else if (isIdentifierStart(c)) {
            word(buffer, c);
        } else {
            buffer.append(c);
            position++;
        }
        return null;
    }

    /** An identifier or keyword, or the E'...', B'...', X'...', N'...', U&'...' string it may open. */
    private void word(StringBuilder buffer, char c) {
        char lower = Character.toLowerCase(c);
        if (peek(1) == '\'' && (lower == 'e' || lower == 'b' || lower == 'x' || lower == 'n')) {
            state = lower == 'e' ? State.ESCAPE_QUOTE : State.SINGLE_QUOTE;
            buffer.append(c).append('\'');
            position += 2;
            return;
        }
        if (lower == 'u' && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            state = peek(2) == '\'' ? State.SINGLE_QUOTE : State.DOUBLE_QUOTE;
            buffer.append(line, position, position + 3);
            position += 3;
            return;
        }
        int start = position;
        while (position < line.length() && (isIdentifierStart(line.charAt(position))
                || Character.isDigit(line.charAt(position)) || line.charAt(position) == '$')) {
            position++;
        }
        String word = line.substring(start, position);
        buffer.append(word);
        trackFunctionBody(word.toLowerCase(java.util.Locale.ROOT));
    }

    // psql's heuristic for CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END
    private void trackFunctionBody(String word) {
        if (identifierCount == 0) {
            java.util.Arrays.fill(identifiers, '\0');
        }
        if (word.equals("create") || word.equals("function") || word.equals("procedure") || word.equals("or")
                || word.equals("replace")) {
            if (identifierCount < identifiers.length) {
                identifiers[identifierCount] = word.charAt(0);
            }
        }
        identifierCount++;
        boolean inFunction = identifiers[0] == 'c' && (identifiers[1] == 'f' || identifiers[1] == 'p'
                || (identifiers[1] == 'o' && identifiers[2] == 'r' && (identifiers[3] == 'f' || identifiers[3] == 'p')));
        if (inFunction && parenDepth == 0) {
            if (word.equals("begin")) {
                beginDepth++;
            } else if (word.equals("case")) {
                if (beginDepth >= 1) {
                    beginDepth++;
                }
            } else if (word.equals("end") && beginDepth > 0) {
                beginDepth--;
            }
        }
    }

    /** {@code $tag$} starting at {@code at}, or null. */
    private String dollarTagAt(int at) {
        if (line.charAt(at) != '$') {
            return null;
        }
        int i = at + 1;
        if (i < line.length() && isIdentifierStart(line.charAt(i))) {
            i++;
            while (i < line.length() && (isIdentifierStart(line.charAt(i)) || Character.isDigit(line.charAt(i)))) {
                i++;
            }
        }
        if (i < line.length() && line.charAt(i) == '$') {
            return line.substring(at, i + 1);
        }
        return null;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private char peek(int ahead) {
        int i = position + ahead;
        return i < line.length() ? line.charAt(i) : '\0';
    }

    /**
     * psql's {@code %R} for the prompt after a line: {@code =} with an empty buffer, {@code -}
     * inside a statement, or the quote, comment or parenthesis still open.
     */
    char promptMark(int bufferLength) {
        return switch (state) {
            case COMMENT -> '*';
            case SINGLE_QUOTE, ESCAPE_QUOTE -> '\'';
            case DOUBLE_QUOTE -> '"';
            case DOLLAR_QUOTE -> '$';
            case INITIAL -> parenDepth > 0 ? '(' : bufferLength > 0 ? '-' : '=';
        };
    }
}
