package io.hyperscalelab.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Readline's part of a terminal, kept small: typed characters are echoed and collected until
 * Enter; Backspace, Ctrl-U (erase line), Ctrl-L (clear screen), the arrow keys Up and Down
 * (history) work; other escape sequences are ignored. Hidden input (passwords) is not echoed.
 */
final class LineEditor {

    /** What a key did. */
    enum Event { NONE, LINE, INTERRUPT, END_OF_INPUT }

    private static final int HISTORY_SIZE = 500;

    private final StringBuilder line = new StringBuilder();
    private final List<String> history = new ArrayList<>();
    private int historyIndex;
    private String completed;
    private int escape;

    /**
     * Feeds one character. Echo and redraws go to {@code echo}; {@code prompt} is redrawn after
     * Ctrl-L and history moves.
     */
    Event key(char c, boolean hidden, String prompt, StringBuilder echo) {
        if (escape > 0) {
            return escapeSequence(c, hidden, prompt, echo);
        }
        switch (c) {
            case '\r', '\n' -> {
                completed = line.toString();
                line.setLength(0);
                echo.append("\n");
                if (!hidden && !completed.isBlank()) {
                    history.add(completed);
                    if (history.size() > HISTORY_SIZE) {
                        history.remove(0);
                    }
                }
                historyIndex = history.size();
                return Event.LINE;
            }
            case 0x03 -> {
                line.setLength(0);
                echo.append("^C\n");
                historyIndex = history.size();
                return Event.INTERRUPT;
            }
            case 0x04 -> {
                return line.length() == 0 ? Event.END_OF_INPUT : Event.NONE;
            }
            case 0x7f, 0x08 -> {
                if (line.length() > 0) {
                    int last = line.length() - 1;
                    int start = Character.isLowSurrogate(line.charAt(last)) && last > 0 ? last - 1 : last;
                    line.setLength(start);
                    if (!hidden) {
                        echo.append("\b \b");
                    }
                }
            }
            case 0x15 -> {
                if (!hidden) {
                    echo.append("\r\033[K").append(prompt);
                }
                line.setLength(0);
            }
            case 0x0c -> echo.append("\033[H\033[2J").append(prompt).append(hidden ? "" : line);
            case 0x1b -> escape = 1;
            case '\t' -> { }
            default -> {
                if (c >= 0x20) {
                    line.append(c);
                    if (!hidden) {
                        echo.append(c);
                    }
                }
            }
        }
        return Event.NONE;
    }

    /** The line Enter just finished. */
    String completedLine() {
        return completed;
    }

    // ESC [ A (up), ESC [ B (down); anything else of the form ESC [ ... letter, or ESC O letter, is skipped
    private Event escapeSequence(char c, boolean hidden, String prompt, StringBuilder echo) {
        if (escape == 1) {
            escape = (c == '[' || c == 'O') ? 2 : 0;
            return Event.NONE;
        }
        if (Character.isDigit(c) || c == ';') {
            return Event.NONE;
        }
        escape = 0;
        if (hidden || (c != 'A' && c != 'B')) {
            return Event.NONE;
        }
        int next = c == 'A' ? historyIndex - 1 : historyIndex + 1;
        if (next < 0 || next > history.size()) {
            return Event.NONE;
        }
        historyIndex = next;
        line.setLength(0);
        line.append(next == history.size() ? "" : history.get(next));
        echo.append("\r\033[K").append(prompt).append(line);
        return Event.NONE;
    }
}
