package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of ranges of a text, applied together; ranges must not overlap. */
final class TextEdits {

    private record Edit(int begin, int end, String replacement) {
    }

    private final String text;
    private final List<Edit> edits = new ArrayList<>();

    TextEdits(String text) {
        this.text = text;
    }

    TextEdits replace(SourceSpans.Span span, String replacement) {
        edits.add(new Edit(span.begin(), span.end(), replacement));
        return this;
    }

    TextEdits insert(int at, String insertion) {
        edits.add(new Edit(at, at, insertion));
        return this;
    }

    /** The text of {@code range} with every edit inside it applied. */
    String apply(SourceSpans.Span range) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::begin).thenComparingInt(Edit::end));
        StringBuilder out = new StringBuilder();
        int at = range.begin();
        for (Edit edit : sorted) {
            if (edit.begin() < range.begin() || edit.end() > range.end()) {
                continue;
            }
            if (edit.begin() < at) {
                throw new IllegalStateException("overlapping edits at " + edit.begin());
            }
            out.append(text, at, edit.begin()).append(edit.replacement());
            at = edit.end();
        }
        return out.append(text, at, range.end()).toString();
    }
}
