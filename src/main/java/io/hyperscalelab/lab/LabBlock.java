package io.hyperscalelab.lab;

/**
 * One piece of a lab guide page: prose in Markdown, a code block the learner copies, a step's
 * self-check, or the learner's own figures.
 */
public sealed interface LabBlock {

    /** Markdown text, rendered by Vaadin's Markdown component (sanitised on the client). */
    record Prose(String markdown) implements LabBlock {
    }

    /**
     * A fenced code block: shown as is, with a Copy button.
     *
     * @param queryEditor the block is a statement to try in the portal's query editor: its info
     *                    string says so ({@code ```sql query-editor})
     */
    record Code(String language, String text, boolean queryEditor) implements LabBlock {

        public Code(String language, String text) {
            this(language, text, false);
        }
    }

    /**
     * A step's self-check: its state and a "Check my work" button. Written as a fenced block
     * whose info string is {@code check} and whose text is the step's id.
     */
    record Check(String stepId) implements LabBlock {
    }

    /** The learner's own figures (tables, shards per worker, queries): a fenced block {@code figures}. */
    record Figures() implements LabBlock {
    }
}
