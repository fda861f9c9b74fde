package io.hyperscalelab.lab;

/** One piece of a lab guide page: prose in Markdown, or a code block the learner copies. */
public sealed interface LabBlock {

    /** Markdown text, rendered by Vaadin's Markdown component (sanitised on the client). */
    record Prose(String markdown) implements LabBlock {
    }

    /** A fenced code block: shown as is, with a Copy button. */
    record Code(String language, String text) implements LabBlock {
    }
}
