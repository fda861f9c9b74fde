package io.hyperscalelab.data;

/**
 * A minimal JSON writer for the payload, repo and org shapes, appending to one reused buffer.
 * Jackson would work, but building a tree or a generator per column costs more than these
 * fixed shapes need; the tests parse every value with Jackson to keep this honest.
 */
final class JsonBuilder {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(8192);
    private boolean needsComma;

    JsonBuilder reset() {
        out.setLength(0);
        needsComma = false;
        return this;
    }

    CharSequence json() {
        return out;
    }

    JsonBuilder beginObject() {
        comma();
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonBuilder beginObject(String name) {
        name(name);
        out.append('{');
        return this;
    }

    JsonBuilder endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    JsonBuilder beginArray(String name) {
        name(name);
        out.append('[');
        return this;
    }

    JsonBuilder endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    JsonBuilder field(String name, CharSequence value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    JsonBuilder field(String name, long value) {
        name(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonBuilder field(String name, boolean value) {
        name(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonBuilder nullField(String name) {
        name(name);
        out.append("null");
        needsComma = true;
        return this;
    }

    /**
     * Starts a string value that the caller appends to with {@link #raw} (to build SHAs and URLs
     * without intermediate Strings), and finishes with {@link #endString}. Only for text that
     * needs no escaping.
     */
    JsonBuilder beginString(String name) {
        name(name);
        out.append('"');
        return this;
    }

    StringBuilder raw() {
        return out;
    }

    JsonBuilder endString() {
        out.append('"');
        needsComma = true;
        return this;
    }

    private void name(String name) {
        comma();
        string(name);
        out.append(':');
        needsComma = false;
    }

    private void comma() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(CharSequence value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
