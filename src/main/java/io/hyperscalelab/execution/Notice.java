package io.hyperscalelab.execution;

/**
 * A NOTICE or WARNING a statement raised, with the fields a client shows.
 *
 * @param severity "NOTICE", "WARNING", ... as the server wrote it
 * @param detail   null when there is none; so are {@code hint} and {@code context}
 */
public record Notice(String severity, String sqlState, String message, String detail, String hint, String context) {

    /** As psql prints it: {@code NOTICE:  message}, then DETAIL and HINT lines. */
    public String text() {
        StringBuilder text = new StringBuilder(severity).append(":  ").append(message);
        if (detail != null) {
            text.append("\nDETAIL:  ").append(detail);
        }
        if (hint != null) {
            text.append("\nHINT:  ").append(hint);
        }
        return text.toString();
    }
}
