package io.hyperscalelab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys in, the line and the echo out, as a terminal user sees them. */
class LineEditorTest {

    private final LineEditor editor = new LineEditor();
    private final StringBuilder echo = new StringBuilder();

    @Test
    void typedTextIsEchoedAndBackspaceErasesIt() {
        assertThat(type("selectt\u007f 1;\r", false)).isEqualTo(LineEditor.Event.LINE);
        assertThat(editor.completedLine()).isEqualTo("select 1;");
        assertThat(echo.toString()).isEqualTo("selectt\b \b 1;\n");
    }

    @Test
    void passwordsAreNotEchoedNorRemembered() {
        type("secret\r", true);
        assertThat(editor.completedLine()).isEqualTo("secret");
        assertThat(echo.toString()).isEqualTo("\n");
        echo.setLength(0);
        type("\u001b[A", false);
        assertThat(echo.toString()).as("nothing in the history to recall").isEmpty();
    }

    @Test
    void upAndDownWalkTheHistoryAndOtherEscapeSequencesAreIgnored() {
        type("ls\r", false);
        type("curl -s https://ifconfig.co\r", false);
        echo.setLength(0);
        type("\u001b[A\u001b[A", false);
        assertThat(echo.toString()).endsWith("\r\u001b[K$ ls");
        type("\u001b[B\u001b[C\u001b[1;5D\r", false);
        assertThat(editor.completedLine()).isEqualTo("curl -s https://ifconfig.co");
    }

    @Test
    void ctrlCDropsTheLineCtrlUErasesItAndCtrlDOnAnEmptyLineEndsInput() {
        assertThat(type("half a line\u0003", false)).isEqualTo(LineEditor.Event.INTERRUPT);
        assertThat(echo.toString()).endsWith("^C\n");
        type("oops\u0015ls\r", false);
        assertThat(editor.completedLine()).isEqualTo("ls");
        assertThat(type("x\u0004", false)).as("Ctrl-D with text does nothing").isEqualTo(LineEditor.Event.NONE);
        type("\u007f", false);
        assertThat(type("\u0004", false)).isEqualTo(LineEditor.Event.END_OF_INPUT);
    }

    private LineEditor.Event type(String keys, boolean hidden) {
        LineEditor.Event last = LineEditor.Event.NONE;
        for (char c : keys.toCharArray()) {
            last = editor.key(c, hidden, "$ ", echo);
        }
        return last;
    }
}
