package io.hyperscalelab.portal;

import java.util.Optional;

/**
 * Where in a statement PostgreSQL's error points: its position (1-based, in characters, as the
 * server counts them) as a range of the Java string to mark, from that character to the end of
 * the word it starts (at least one character).
 *
 * @param start inclusive, in UTF-16 units of the statement
 * @param end   exclusive
 */
record ErrorPosition(int start, int end) {

    static Optional<ErrorPosition> of(String statement, int position) {
        int characters = statement.codePointCount(0, statement.length());
        if (position < 1) {
            return Optional.empty();
        }
        if (position > characters) {
            // past the end: PostgreSQL's "at end of input"; mark the last character
            return characters == 0 ? Optional.empty()
                    : Optional.of(new ErrorPosition(statement.offsetByCodePoints(statement.length(), -1), statement.length()));
        }
        int start = statement.offsetByCodePoints(0, position - 1);
        int end = statement.offsetByCodePoints(start, 1);
        if (isWordPart(statement.codePointAt(start))) {
            while (end < statement.length() && isWordPart(statement.codePointAt(end))) {
                end = statement.offsetByCodePoints(end, 1);
            }
        }
        return Optional.of(new ErrorPosition(start, end));
    }

    private static boolean isWordPart(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
