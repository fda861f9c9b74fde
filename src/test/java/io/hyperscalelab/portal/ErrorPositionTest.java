package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PostgreSQL's error positions (1-based, in characters) as the part of the statement to mark. */
class ErrorPositionTest {

    @Test
    void aPositionMarksTheWordThatStartsThere() {
        String sql = "SELECT count(*)\nFROM github_events\nWHER user_id = 1";
        int position = sql.indexOf("user_id") + 1;

        ErrorPosition at = ErrorPosition.of(sql, position).orElseThrow();

        assertThat(sql.substring(at.start(), at.end())).isEqualTo("user_id");
    }

    @Test
    void punctuationIsMarkedAlone() {
        ErrorPosition at = ErrorPosition.of("SELECT (1", 8).orElseThrow();

        assertThat("SELECT (1".substring(at.start(), at.end())).isEqualTo("(");
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        String sql = "SELECT '\uD83D\uDE00' + 1 AS smile";
        // the server counts the emoji as one character: "+" is the 12th
        ErrorPosition at = ErrorPosition.of(sql, 12).orElseThrow();

        assertThat(sql.substring(at.start(), at.end())).isEqualTo("+");
    }

    @Test
    void theEndOfInputMarksTheLastCharacterAndNoPositionMarksNothing() {
        ErrorPosition end = ErrorPosition.of("SELECT (", 9).orElseThrow();

        assertThat("SELECT (".substring(end.start(), end.end())).isEqualTo("(");
        assertThat(ErrorPosition.of("SELECT 1", 0)).isEmpty();
        assertThat(ErrorPosition.of("", 1)).isEmpty();
    }
}
