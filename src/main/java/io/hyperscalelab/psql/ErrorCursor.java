package io.hyperscalelab.psql;

/**
 * libpq's error cursor: the line of the statement holding the error ({@code LINE n: ...}), cut to
 * about 60 columns around it, and a caret under the spot.
 */
final class ErrorCursor {

    private static final int DISPLAY_SIZE = 60;
    private static final int MIN_RIGHT_CUT = 10;

    private ErrorCursor() {
    }

    /** Appends the two lines for the 1-based character position {@code position}. */
    static void append(StringBuilder out, String query, int position) {
        int loc = position - 1;
        if (loc < 0) {
            return;
        }
        int[] codePoints = query.codePoints().map(cp -> cp == '\t' ? ' ' : cp).toArray();
        int n = codePoints.length;
        int[] column = new int[n + 1];
        int screen = 0;
        int line = 1;
        int begin = 0;
        int end = -1;
        int cno;
        for (cno = 0; cno < n; cno++) {
            int cp = codePoints[cno];
            column[cno] = screen;
            if (cp == '\r' || cp == '\n') {
                if (cno < loc) {
                    if (cp == '\r' || cno == 0 || codePoints[cno - 1] != '\r') {
                        line++;
                    }
                    begin = cno + 1;
                } else {
                    end = cno;
                    break;
                }
            }
            int w = DisplayWidth.of(cp);
            screen += w <= 0 ? 1 : w;
        }
        if (end < 0) {
            end = cno;
            column[end] = screen;
        }
        if (loc > cno) {
            return;
        }
        boolean beginCut = false;
        boolean endCut = false;
        if (column[end] - column[begin] > DISPLAY_SIZE) {
            if (column[begin] + DISPLAY_SIZE >= column[loc] + MIN_RIGHT_CUT) {
                while (column[end] - column[begin] > DISPLAY_SIZE) {
                    end--;
                }
                endCut = true;
            } else {
                while (column[loc] + MIN_RIGHT_CUT < column[end]) {
                    end--;
                    endCut = true;
                }
                while (column[end] - column[begin] > DISPLAY_SIZE) {
                    begin++;
                    beginCut = true;
                }
            }
        }
        String prefix = "LINE " + line + ": " + (beginCut ? "..." : "");
        out.append(prefix);
        out.append(new String(codePoints, begin, end - begin));
        if (endCut) {
            out.append("...");
        }
        out.append('\n');
        int caret = prefix.length() + column[loc] - column[begin];
        out.append(" ".repeat(caret)).append("^\n");
    }
}
