package io.hyperscalelab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command line split into words the way bash does it for simple commands: whitespace
 * separates words; single quotes keep everything; double quotes keep everything but
 * {@code \" \\ \$ \`} escapes and {@code $NAME}; a backslash outside quotes escapes the next
 * character; {@code $NAME} expands outside single quotes.
 */
final class ShellWords {

    /** The line ends inside quotes: bash would ask for more with its "> " prompt. */
    static final class Unterminated extends Exception {
        Unterminated() {
            super("unterminated quote");
        }
    }

    /** An operator this shell does not run (pipes, redirections, lists). */
    static final class Unsupported extends Exception {
        Unsupported(String operator) {
            super(operator);
        }
    }

    private ShellWords() {
    }

    static List<String> split(String line, Map<String, String> variables) throws Unterminated, Unsupported {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new Unterminated();
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '$' && i + 1 < n && isNameStart(line.charAt(i + 1))) {
                        i = expand(line, i, word, variables);
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw new Unterminated();
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '|' || c == '>' || c == '<' || c == ';' || c == '&' || c == '`') {
                throw new Unsupported(operatorAt(line, i));
            } else if (c == '$' && i + 1 < n && isNameStart(line.charAt(i + 1))) {
                i = expand(line, i, word, variables);
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int expand(String line, int dollar, StringBuilder word, Map<String, String> variables) {
        int i = dollar + 1;
        while (i < line.length() && (isNameStart(line.charAt(i)) || Character.isDigit(line.charAt(i)))) {
            i++;
        }
        word.append(variables.getOrDefault(line.substring(dollar + 1, i), ""));
        return i;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static String operatorAt(String line, int i) {
        if (i + 1 < line.length() && (line.startsWith("&&", i) || line.startsWith("||", i) || line.startsWith(">>", i))) {
            return line.substring(i, i + 2);
        }
        return String.valueOf(line.charAt(i));
    }
}
