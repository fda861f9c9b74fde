package io.hyperscalelab.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as PostgreSQL's COPY ... WITH CSV does, and refuses anything it would not read the
 * same way: a quote inside an unquoted field, text after a closing quote, an unterminated quote.
 * An unquoted empty field comes back as null (SQL NULL), a quoted one as "".
 */
final class StrictCsv {

    private final Reader in;
    private long line = 1;
    private int peeked = -2;

    StrictCsv(Reader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() {
        if (peek() == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            boolean quoted = false;
            field.setLength(0);
            if (c == '"') {
                quoted = true;
                while (true) {
                    int q = read();
                    if (q == -1) {
                        throw error("unterminated quoted field");
                    }
                    if (q == '"') {
                        if (peek() == '"') {
                            read();
                            field.append('"');
                        } else {
                            break;
                        }
                    } else {
                        field.append((char) q);
                    }
                }
                c = read();
            } else {
                while (c != ',' && c != '\n' && c != -1) {
                    if (c == '"' || c == '\r') {
                        throw error("quote or CR inside an unquoted field");
                    }
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(!quoted && field.length() == 0 ? null : field.toString());
            if (c == ',') {
                continue;
            }
            if (c == '\n') {
                line++;
                return fields;
            }
            if (c == -1) {
                throw error("the last record has no line end");
            }
            throw error("text after a closing quote");
        }
    }

    private int read() {
        int c = peek();
        peeked = -2;
        return c;
    }

    private int peek() {
        if (peeked == -2) {
            try {
                peeked = in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return peeked;
    }

    private IllegalStateException error(String problem) {
        return new IllegalStateException("Line " + line + ": " + problem);
    }
}
