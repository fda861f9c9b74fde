package io.hyperscalelab.lab;

/** One piece of a lab guide page: prose in Markdown, or a code block the learner copies. */
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
}
