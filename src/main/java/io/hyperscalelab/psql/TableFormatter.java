package io.hyperscalelab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's default table output ({@code \pset format aligned}, {@code border 1}, {@code linestyle
 * ascii}) and its expanded form ({@code \x}), byte for byte as print.c draws them.
 */
final class TableFormatter {

    private TableFormatter() {
    }

    static String format(Table table, boolean expanded) {
        StringBuilder out = new StringBuilder();
        if (expanded) {
            vertical(table, out);
        } else {
            aligned(table, out);
        }
        return out.toString();
    }

    private static void aligned(Table table, StringBuilder out) {
        int columns = table.headers().size();
        List<CellText> headers = new ArrayList<>();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            CellText header = CellText.of(table.headers().get(c));
            headers.add(header);
            widths[c] = header.maxWidth();
        }
        List<CellText[]> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            CellText[] cells = new CellText[columns];
            for (int c = 0; c < columns; c++) {
                cells[c] = CellText.of(valueOrEmpty(row.get(c)));
                widths[c] = Math.max(widths[c], cells[c].maxWidth());
            }
            rows.add(cells);
        }
        int totalWidth = columns * 3 - (columns > 0 ? 1 : 0);
        for (int w : widths) {
            totalWidth += w;
        }
        if (table.title() != null) {
            int titleWidth = CellText.of(table.title()).maxWidth();
            if (titleWidth < totalWidth) {
                out.append(" ".repeat((totalWidth - titleWidth) / 2));
            }
            out.append(table.title()).append('\n');
        }
        headerLines(headers, widths, out);
        out.append('-');
        for (int c = 0; c < columns; c++) {
            out.append("-".repeat(widths[c]));
            if (c < columns - 1) {
                out.append("-+-");
            }
        }
        out.append("-\n");
        if (columns > 0) {
            for (CellText[] cells : rows) {
                rowLines(cells, widths, table.rightAligned(), out);
            }
        }
        footers(table, out);
        out.append('\n');
    }

    private static void headerLines(List<CellText> headers, int[] widths, StringBuilder out) {
        int columns = headers.size();
        int height = 0;
        for (CellText header : headers) {
            height = Math.max(height, header.height());
        }
        for (int line = 0; line < height; line++) {
            for (int c = 0; c < columns; c++) {
                CellText header = headers.get(c);
                boolean printing = line < header.height();
                out.append(' ');
                if (printing) {
                    int spaces = widths[c] - header.widths().get(line);
                    out.append(" ".repeat(spaces / 2)).append(header.lines().get(line)).append(" ".repeat((spaces + 1) / 2));
                    out.append(line + 1 < header.height() ? "+" : " ");
                } else {
                    out.append(" ".repeat(widths[c])).append(' ');
                }
                if (c < columns - 1) {
                    out.append('|');
                }
            }
            out.append('\n');
        }
    }

    private static void rowLines(CellText[] cells, int[] widths, List<Boolean> rightAligned, StringBuilder out) {
        int columns = cells.length;
        int[] line = new int[columns];
        boolean[] continued = new boolean[columns];
        boolean more;
        do {
            more = false;
            for (int c = 0; c < columns; c++) {
                boolean last = c == columns - 1;
                CellText cell = cells[c];
                out.append(' ');
                int chars = 0;
                boolean exhausted = line[c] >= cell.height();
                if (exhausted) {
                    if (!last) {
                        out.append(" ".repeat(widths[c]));
                    }
                } else {
                    String text = cell.lines().get(line[c]);
                    chars = cell.widths().get(line[c]);
                    if (rightAligned.get(c)) {
                        out.append(" ".repeat(widths[c] - chars)).append(text);
                    } else {
                        out.append(text);
                    }
                    line[c]++;
                    if (line[c] < cell.height()) {
                        more = true;
                    }
                }
                continued[c] = line[c] > 0 && line[c] < cell.height();
                if (!rightAligned.get(c) && !exhausted && (!last || continued[c])) {
                    out.append(" ".repeat(widths[c] - chars));
                }
                if (continued[c]) {
                    out.append('+');
                } else if (!last) {
                    out.append(' ');
                }
                if (!last) {
                    out.append('|');
                }
            }
            out.append('\n');
        } while (more);
    }

    private static void footers(Table table, StringBuilder out) {
        if (table.footers() == null) {
            int n = table.rows().size();
            out.append('(').append(n).append(n == 1 ? " row)" : " rows)").append('\n');
        } else {
            for (String footer : table.footers()) {
                out.append(footer).append('\n');
            }
        }
    }

    private static void vertical(Table table, StringBuilder out) {
        int columns = table.headers().size();
        if (table.rows().isEmpty()) {
            footers(table, out);
            out.append('\n');
            return;
        }
        List<CellText> headers = new ArrayList<>();
        int headerWidth = 0;
        for (String h : table.headers()) {
            CellText header = CellText.of(h);
            headers.add(header);
            headerWidth = Math.max(headerWidth, header.maxWidth());
        }
        int dataWidth = 0;
        boolean multiline = false;
        List<CellText[]> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            CellText[] cells = new CellText[columns];
            for (int c = 0; c < columns; c++) {
                cells[c] = CellText.of(valueOrEmpty(row.get(c)));
                dataWidth = Math.max(dataWidth, cells[c].maxWidth());
                multiline |= cells[c].height() > 1;
            }
            rows.add(cells);
        }
        if (table.title() != null) {
            out.append(table.title()).append('\n');
        }
        int record = 1;
        for (CellText[] cells : rows) {
            recordLine(record++, headerWidth, dataWidth, out);
            for (int c = 0; c < columns; c++) {
                field(headers.get(c), cells[c], headerWidth, dataWidth, multiline, out);
            }
        }
        if (table.footers() != null) {
            out.append('\n');
            for (String footer : table.footers()) {
                out.append(footer).append('\n');
            }
        }
        out.append('\n');
    }

    private static void recordLine(int record, int headerWidth, int dataWidth, StringBuilder out) {
        out.append('-');
        String label = "[ RECORD " + record + " ]";
        out.append(label);
        int length = label.length() + 1;
        for (int i = length; i < headerWidth; i++) {
            out.append('-');
        }
        length -= headerWidth;
        if (length-- <= 0) {
            out.append('-');
        }
        if (length-- <= 0) {
            out.append('+');
        }
        if (length-- <= 0) {
            out.append('-');
        }
        if (length < 0) {
            length = 0;
        }
        for (int i = length; i < dataWidth; i++) {
            out.append('-');
        }
        out.append('\n');
    }

    private static void field(CellText header, CellText data, int headerWidth, int dataWidth, boolean multiline,
                              StringBuilder out) {
        int headerLine = 0;
        int dataLine = 0;
        boolean headerDone = false;
        boolean dataDone = false;
        while (!headerDone || !dataDone) {
            if (!headerDone) {
                out.append(header.lines().get(headerLine));
                int spaces = headerWidth - header.widths().get(headerLine);
                if (spaces > 0) {
                    out.append(" ".repeat(spaces));
                }
                if (headerLine + 1 < header.height()) {
                    out.append('+');
                    headerLine++;
                } else {
                    out.append(' ');
                    headerDone = true;
                }
            } else {
                out.append(" ".repeat(headerWidth + 1));
            }
            out.append('|');
            if (!dataDone) {
                out.append(' ').append(data.lines().get(dataLine));
                if (dataLine + 1 < data.height()) {
                    if (multiline) {
                        int spaces = dataWidth - data.widths().get(dataLine);
                        if (spaces > 0) {
                            out.append(" ".repeat(spaces));
                        }
                        out.append('+');
                    }
                    dataLine++;
                } else {
                    dataDone = true;
                }
            }
            out.append('\n');
        }
    }

    private static String valueOrEmpty(String value) {
        return value == null ? "" : value;
    }
}
