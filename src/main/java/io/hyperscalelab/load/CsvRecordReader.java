package io.hyperscalelab.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits CSV into records the way PostgreSQL's COPY ... CSV does (a quoted field may hold
 * commas, doubled quotes and newlines) and hands out each record's raw bytes untouched, plus one
 * field's value: the loader forwards the bytes to a shard and routes on the field.
 */
final class CsvRecordReader {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String fileName;
    private final int keyField;
    private byte[] buffer = new byte[BUFFER];
    private int start;
    private int end;
    private boolean eof;
    private long line = 1;
    private long bytesRead;

    // the current record
    private int recordStart;
    private int recordEnd;
    private long recordLine;
    // the key field of the current record, as offsets from the record's start (no String per row;
    // relative, because fill() may move the record to the front of the buffer)
    private int keyStart;
    private int keyEnd;
    private boolean keyQuoted;

    CsvRecordReader(InputStream in, String fileName, int keyField) {
        this.in = in;
        this.fileName = fileName;
        this.keyField = keyField;
    }

    /** Advances to the next record; false at the end of the input. */
    boolean next() throws IOException {
        recordLine = line;
        keyStart = -1;
        // offsets from the record's first byte: fill() may move the record to the buffer's front
        int off = 0;
        int field = 0;
        int fieldStart = 0;
        boolean quoted = false;
        while (true) {
            if (start + off >= end || (quoted && buffer[start + off] == '"' && start + off + 1 == end)) {
                if (!fill()) {
                    if (start + off < end) {
                        // a final quote at the very end of the input closes the field
                    } else if (quoted) {
                        throw new LoadException(fileName, recordLine, null,
                                "unterminated CSV quoted field that starts on this line");
                    } else if (off == 0) {
                        return false;
                    } else {
                        finishField(field, start + fieldStart, start + off);
                        return endRecord(off);
                    }
                }
                if (start + off >= end) {
                    continue;
                }
            }
            byte b = buffer[start + off];
            if (quoted) {
                if (b == '"') {
                    if (start + off + 1 < end && buffer[start + off + 1] == '"') {
                        off += 2;
                        continue;
                    }
                    quoted = false;
                } else if (b == '\n') {
                    line++;
                }
                off++;
            } else if (b == '"') {
                quoted = true;
                off++;
            } else if (b == ',') {
                finishField(field, start + fieldStart, start + off);
                field++;
                off++;
                fieldStart = off;
            } else if (b == '\n') {
                int fieldEnd = off > fieldStart && buffer[start + off - 1] == '\r' ? off - 1 : off;
                finishField(field, start + fieldStart, start + fieldEnd);
                line++;
                return endRecord(off + 1);
            } else {
                off++;
            }
        }
    }

    private boolean endRecord(int length) {
        recordStart = start;
        recordEnd = start + length;
        start += length;
        return true;
    }

    /** The current record's bytes, including its line break. */
    byte[] buffer() {
        return buffer;
    }

    int recordOffset() {
        return recordStart;
    }

    int recordLength() {
        return recordEnd - recordStart;
    }

    /** How many input lines the current record spans (a quoted field may hold line breaks). */
    int recordLineCount() {
        return (int) Math.max(1, line - recordLine);
    }

    /** The line of the input the current record starts on (1-based). */
    long recordLine() {
        return recordLine;
    }

    /** Whether the key field is empty (COPY's NULL) or absent. */
    boolean keyIsNull() {
        return keyStart < 0 || (keyEnd == keyStart && !keyQuoted);
    }

    /** The key field's value, unquoted; null when the field is empty (COPY's NULL) or absent. */
    String key() {
        if (keyIsNull()) {
            return null;
        }
        String raw = new String(buffer, recordStart + keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
        return keyQuoted ? raw.replace("\"\"", "\"") : raw;
    }

    /**
     * The key as an integer, parsed from the bytes as PostgreSQL's int8 input does (surrounding
     * spaces allowed); throws NumberFormatException for anything else.
     */
    long keyAsLong() {
        int i = recordStart + keyStart;
        int end = recordStart + keyEnd;
        while (i < end && buffer[i] == ' ') {
            i++;
        }
        while (end > i && buffer[end - 1] == ' ') {
            end--;
        }
        boolean negative = i < end && buffer[i] == '-';
        if (negative || (i < end && buffer[i] == '+')) {
            i++;
        }
        if (i == end || end - i > 19) {
            return Long.parseLong(key().strip());  // empty or too long: let the JDK judge and word it
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException(key());
            }
            value = value * 10 - digit;  // accumulate negatively: Long.MIN_VALUE has no positive twin
            if (value > 0) {
                throw new NumberFormatException(key());
            }
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw new NumberFormatException(key());
        }
        return negative ? value : -value;
    }

    long bytesRead() {
        return bytesRead;
    }

    private void finishField(int field, int from, int to) {
        if (field != keyField) {
            return;
        }
        keyQuoted = to - from >= 2 && buffer[from] == '"';
        keyStart = (keyQuoted ? from + 1 : from) - start;
        keyEnd = (keyQuoted ? to - 1 : to) - start;
    }

    // Keeps the unread tail, grows the buffer for records longer than it, and reads more.
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int unread = end - start;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, unread);
            start = 0;
            end = unread;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        bytesRead += n;
        return true;
    }
}
