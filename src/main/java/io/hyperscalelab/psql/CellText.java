package io.hyperscalelab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * A value as psql shows it in a table cell (its {@code pg_wcsformat}): split at newlines, a
 * carriage return as {@code \r}, tabs expanded to the next multiple of eight, other control
 * characters as {@code \xNN} or a Unicode escape; with the screen width of each line.
 */
record CellText(List<String> lines, List<Integer> widths) {

    static CellText of(String value) {
        List<String> lines = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int width = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                lines.add(line.toString());
                widths.add(width);
                line.setLength(0);
                width = 0;
            } else if (cp == '\r') {
                line.append("\\r");
                width += 2;
            } else if (cp == '\t') {
                do {
                    line.append(' ');
                    width++;
                } while (width % 8 != 0);
            } else {
                int w = DisplayWidth.of(cp);
                if (w < 0) {
                    String escaped = cp < 0x80 ? String.format("\\x%02X", cp) : String.format("\\u%04X", cp);
                    line.append(escaped);
                    width += escaped.length();
                } else {
                    line.appendCodePoint(cp);
                    width += w;
                }
            }
        }
        lines.add(line.toString());
        widths.add(width);
        return new CellText(List.copyOf(lines), List.copyOf(widths));
    }

    int maxWidth() {
        int max = 0;
        for (int w : widths) {
            max = Math.max(max, w);
        }
        return max;
    }

    int height() {
        return lines.size();
    }
}
