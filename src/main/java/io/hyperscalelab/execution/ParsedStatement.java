package io.hyperscalelab.execution;

import net.sf.jsqlparser.statement.select.PlainSelect;

/** A learner's statement as the executor understands it. Immutable once built; shared through the parse cache. */
sealed interface ParsedStatement {

    String sql();

    /** A plain SELECT, the only kind the executor may distribute. */
    record Select(String sql, PlainSelect select, SourceSpans spans) implements ParsedStatement {
    }

    /** EXPLAIN of another statement; {@code innerOffset} is where that statement starts in {@code sql}. */
    record Explain(String sql, ExplainOptions options, ParsedStatement inner, int innerOffset) implements ParsedStatement {
    }

    /**
     * Anything else: the coordinator runs it.
     *
     * @param planned whether the coordinator's planner runs it (SELECT, INSERT, UPDATE, DELETE,
     *                MERGE, VALUES, TABLE, WITH), so that it has a plan to break down
     */
    record Other(String sql, String reason, boolean planned) implements ParsedStatement {
    }
}
