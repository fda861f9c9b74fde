package io.hyperscalelab.psql;

/**
 * The words after a backslash command, read the way psql reads them (psqlscanslash.l): split at
 * whitespace, single quotes removed (with their escapes), double quotes kept for patterns, an
 * unquoted backslash ending the command.
 */
final class SlashArguments {

    private final String text;
    private int position;

    SlashArguments(String text) {
        this.text = text;
    }

    /** The command name right after the backslash. */
    String command() {
        int start = position;
        while (position < text.length() && !Character.isWhitespace(text.charAt(position)) && text.charAt(position) != '\\') {
            position++;
        }
        return text.substring(start, position);
    }

    /** The next argument, or null when the command has no more. */
    String next() {
        skipSpaces();
        if (position >= text.length() || text.charAt(position) == '\\') {
            return null;
        }
        StringBuilder arg = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c) || c == '\\') {
                break;
            }
            if (c == '\'') {
                position++;
                while (position < text.length()) {
                    char d = text.charAt(position++);
                    if (d == '\'') {
                        if (position < text.length() && text.charAt(position) == '\'') {
                            arg.append('\'');
                            position++;
                        } else {
                            break;
                        }
                    } else if (d == '\\' && position < text.length()) {
                        char e = text.charAt(position++);
                        arg.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            default -> e;
                        });
                    } else {
                        arg.append(d);
                    }
                }
            } else if (c == '"') {
                arg.append(c);
                position++;
                while (position < text.length()) {
                    char d = text.charAt(position++);
                    arg.append(d);
                    if (d == '"') {
                        break;
                    }
                }
            } else {
                arg.append(c);
                position++;
            }
        }
        return arg.toString();
    }

    /** The rest of the line, for {@code \!} and {@code \copy}; null when empty. */
    String wholeLine() {
        skipSpaces();
        String rest = text.substring(position).strip();
        position = text.length();
        return rest.isEmpty() ? null : rest;
    }

    /** Characters consumed, to advance the statement scanner past the command. */
    int consumed() {
        skipSpaces();
        if (position + 1 < text.length() && text.charAt(position) == '\\' && text.charAt(position + 1) == '\\') {
            position += 2;
        }
        return position;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
