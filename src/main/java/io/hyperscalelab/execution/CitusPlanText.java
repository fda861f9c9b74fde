package io.hyperscalelab.execution;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The small pieces of text both of Citus' EXPLAIN formats carry the same way. */
final class CitusPlanText {

    private static final Pattern NODE = Pattern.compile("host=(\\S+) port=(\\d+)");
    private static final Pattern SIZE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(bytes|kB|MB|GB|TB|PB)");
    private static final Pattern SHARD_SUFFIX = Pattern.compile("_(\\d+)$");

    private CitusPlanText() {
    }

    /** {@code host=10.0.0.21 port=5432 dbname=citus}: the host, or empty when the text is not of that form. */
    static String host(String node) {
        Matcher m = NODE.matcher(node == null ? "" : node);
        return m.find() ? m.group(1) : "";
    }

    static int port(String node) {
        Matcher m = NODE.matcher(node == null ? "" : node);
        return m.find() ? Integer.parseInt(m.group(2)) : 0;
    }

    /**
     * Citus writes received tuple data with pg_size_pretty: {@code 900 bytes}, {@code 147 kB},
     * {@code 11 MB}. Units are 1024 apart; a rounded figure stays rounded.
     */
    static long bytes(String size) {
        Matcher m = SIZE.matcher(size == null ? "" : size);
        if (!m.find()) {
            return 0;
        }
        double value = Double.parseDouble(m.group(1));
        int power = switch (m.group(2)) {
            case "kB" -> 1;
            case "MB" -> 2;
            case "GB" -> 3;
            case "TB" -> 4;
            case "PB" -> 5;
            default -> 0;
        };
        return Math.round(value * Math.pow(1024, power));
    }

    /** A shard table's name without its schema ({@code public.github_events_102008} is {@code github_events_102008}). */
    static String withoutSchema(String relation) {
        int dot = relation.lastIndexOf('.');
        return dot < 0 ? relation : relation.substring(dot + 1);
    }

    /** The shard id Citus puts at the end of a shard table's name, or 0 for a name without one. */
    static long shardId(String relation) {
        Matcher m = SHARD_SUFFIX.matcher(relation);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** {@code 0.149 ms}. */
    static double millis(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            value = value.substring(0, value.length() - 2).strip();
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
