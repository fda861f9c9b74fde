package io.hyperscalelab.shell;

/** Where a session's output goes: text with {@code \n} line ends, ANSI sequences allowed. */
@FunctionalInterface
public interface TerminalOutput {

    void write(String text);
}
