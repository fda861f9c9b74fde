package io.hyperscalelab.data;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Rows in the CSV dialect PostgreSQL's {@code COPY ... WITH CSV} reads: comma-separated,
 * {@code \n}-terminated, a field quoted with {@code "} only when it holds a comma, quote, CR or
 * LF, embedded quotes doubled. An unquoted empty field is SQL NULL, so an empty string is
 * written as {@code ""}. Encodes UTF-8 itself into one buffer: rows are built from many small
 * pieces, and a Writer stack would copy each piece twice.
 */
final class CsvWriter {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int length;
    private boolean rowStarted;

    CsvWriter(OutputStream out) {
        this.out = out;
    }

    void nullField() throws IOException {
        separator();
    }

    void number(long value) throws IOException {
        separator();
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            put('-');
            value = -value;
        }
        ensure(20);
        int start = length;
        do {
            buffer[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte b = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = b;
        }
    }

    /** PostgreSQL reads t, true, f and false alike; t/f is what its own COPY TO writes. */
    void bool(boolean value) throws IOException {
        separator();
        put(value ? 't' : 'f');
    }

    void text(CharSequence value) throws IOException {
        if (value == null) {
            nullField();
            return;
        }
        separator();
        if (!needsQuotes(value)) {
            chars(value);
            return;
        }
        put('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                put('"');
            }
            character(value, i, c);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                i++;
            }
        }
        put('"');
    }

    void endRow() throws IOException {
        put('\n');
        rowStarted = false;
    }

    /** Pushes buffered rows to the stream; the caller owns the stream and closes it. */
    void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
        out.flush();
    }

    private static boolean needsQuotes(CharSequence value) {
        if (value.length() == 0) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        // A lone \. line would end COPY's input early.
        return value.length() == 2 && value.charAt(0) == '\\' && value.charAt(1) == '.';
    }

    private void separator() throws IOException {
        if (rowStarted) {
            put(',');
        }
        rowStarted = true;
    }

    private void chars(CharSequence value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            character(value, i, c);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                i++;
            }
        }
    }

    private void ascii(String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            put(value.charAt(i));
        }
    }

    /** Writes the code point starting at index i as UTF-8; the caller skips a low surrogate. */
    private void character(CharSequence value, int i, char c) throws IOException {
        if (c < 0x80) {
            put(c);
            return;
        }
        ensure(4);
        if (c < 0x800) {
            buffer[length++] = (byte) (0xC0 | (c >> 6));
            buffer[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, value.charAt(i + 1));
            buffer[length++] = (byte) (0xF0 | (cp >> 18));
            buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("Unpaired surrogate in " + value);
        } else {
            buffer[length++] = (byte) (0xE0 | (c >> 12));
            buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void put(char c) throws IOException {
        if (length == buffer.length) {
            drain();
        }
        buffer[length++] = (byte) c;
    }

    private void ensure(int bytes) throws IOException {
        if (length + bytes > buffer.length) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }
}
