package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of an EXPLAIN, in either of PostgreSQL's spellings ({@code EXPLAIN ANALYZE VERBOSE}
 * or {@code EXPLAIN (ANALYZE, COSTS OFF)}), so the same options can be passed on to the
 * worker's EXPLAIN of a fragment and to the coordinator's EXPLAIN of the merge.
 *
 * @param options name (lower case) and value (empty for a bare option) in the order written
 */
record ExplainOptions(List<Option> options) {

    record Option(String name, String value) {
        boolean enabled() {
            String v = value.toLowerCase(Locale.ROOT);
            return v.isEmpty() || v.equals("on") || v.equals("true") || v.equals("1") || v.equals("yes");
        }
    }

    ExplainOptions {
        options = List.copyOf(options);
    }

    boolean analyze() {
        return enabled("analyze", false);
    }

    boolean verbose() {
        return enabled("verbose", false);
    }

    boolean costs() {
        return enabled("costs", true);
    }

    /** Only the text format is drawn in Citus' shape; other formats are left to the coordinator. */
    boolean textFormat() {
        return options.stream().filter(o -> o.name().equals("format")).allMatch(o -> o.value().equalsIgnoreCase("text"));
    }

    boolean genericPlan() {
        return enabled("generic_plan", false);
    }

    /** {@code EXPLAIN (...)} with these options, ready to be followed by a statement. */
    String prefix() {
        List<String> parts = new ArrayList<>();
        for (Option option : options) {
            parts.add(option.value().isEmpty() ? option.name() : option.name() + " " + option.value());
        }
        return parts.isEmpty() ? "EXPLAIN " : "EXPLAIN (" + String.join(", ", parts) + ") ";
    }

    private boolean enabled(String name, boolean otherwise) {
        boolean result = otherwise;
        for (Option option : options) {
            if (option.name().equals(name)) {
                result = option.enabled();
            }
        }
        return result;
    }
}
