package io.hyperscalelab.execution;

import java.util.IdentityHashMap;
import java.util.Map;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;

/**
 * Where each parsed element sits in the learner's text. Fragments for the workers are cut from
 * that text rather than printed back from the syntax tree, so an expression reaches the worker
 * exactly as the learner wrote it, quoting, casts and operators included.
 */
final class SourceSpans {

    /** Half-open character range [begin, end) of the statement text. */
    record Span(int begin, int end) {
    }

    /** A visitor of the parse tree's elements in pre-order; returning false skips an element's children. */
    interface Visitor {
        boolean visit(Object element, Span span);
    }

    private final String text;
    private final SimpleNode root;
    private final Map<Object, Span> spans = new IdentityHashMap<>();

    SourceSpans(String text, SimpleNode root) {
        this.text = text;
        this.root = root;
        if (root != null) {
            index(root);
        }
    }

    /**
     * Visits, outermost first, every parsed element lying within {@code within}: the parse
     * tree's own nesting, so an element is only ever met inside the elements that contain it.
     */
    void walk(Span within, Visitor visitor) {
        if (root != null) {
            walk(root, within, visitor);
        }
    }

    private void walk(SimpleNode node, Span within, Visitor visitor) {
        Span span = nodeSpan(node);
        if (span == null || span.end() <= within.begin() || span.begin() >= within.end()) {
            return;
        }
        boolean inside = span.begin() >= within.begin() && span.end() <= within.end();
        if (inside && node.jjtGetValue() != null && !visitor.visit(node.jjtGetValue(), span)) {
            return;
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            if (node.jjtGetChild(i) instanceof SimpleNode child) {
                walk(child, within, visitor);
            }
        }
    }

    private static Span nodeSpan(SimpleNode node) {
        Token first = node.jjtGetFirstToken();
        Token last = node.jjtGetLastToken();
        if (first == null || last == null || last.absoluteEnd <= first.absoluteBegin) {
            return null;
        }
        return new Span(first.absoluteBegin - 1, last.absoluteEnd - 1);
    }

    String text() {
        return text;
    }

    /** The element's range, or null when the parser kept none for it. */
    Span span(Object element) {
        Span span = spans.get(element);
        if (span == null && element instanceof BinaryExpression binary) {
            Span left = span(binary.getLeftExpression());
            Span right = span(binary.getRightExpression());
            if (left != null && right != null) {
                span = new Span(left.begin(), right.end());
            }
        }
        return span;
    }

    /** The element as the learner wrote it. */
    String source(Object element) {
        Span span = span(element);
        return span == null ? element.toString() : text.substring(span.begin(), span.end());
    }

    boolean hasSpan(Object element) {
        return span(element) != null;
    }

    // the tokens' absolute offsets are 1-based; an empty production has its last token before its first
    private void index(SimpleNode node) {
        Object value = node.jjtGetValue();
        Span span = nodeSpan(node);
        if (value != null && span != null) {
            spans.merge(value, span, (a, b) -> new Span(Math.min(a.begin(), b.begin()), Math.max(a.end(), b.end())));
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            Node child = node.jjtGetChild(i);
            if (child instanceof SimpleNode simple) {
                index(simple);
            }
        }
    }
}
