package io.hyperscalelab.breakdown;

import java.util.Locale;

/**
 * A small SVG writer: elements appended in order, every text and attribute value escaped, numbers
 * written the same way on every machine (so a figure regenerates byte for byte).
 */
public final class Svg {

    private final StringBuilder out = new StringBuilder();
    private final double width;
    private double height;

    /** A document {@code width} wide; its height is set when it is finished. */
    public Svg(double width) {
        this.width = width;
    }

    public Svg rect(double x, double y, double w, double h, String cssClass, String... dataAttributes) {
        out.append("  <rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(w)).append("\" height=\"").append(number(h)).append("\" class=\"").append(escape(cssClass))
                .append('"');
        data(dataAttributes);
        out.append("/>\n");
        return this;
    }

    public Svg roundedRect(double x, double y, double w, double h, double radius, String cssClass) {
        out.append("  <rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(w)).append("\" height=\"").append(number(h)).append("\" rx=\"").append(number(radius))
                .append("\" class=\"").append(escape(cssClass)).append("\"/>\n");
        return this;
    }

    /** Text starting at x (or ending there, for {@code anchorEnd}), its baseline at y. */
    public Svg text(double x, double y, String cssClass, String content, String... dataAttributes) {
        out.append("  <text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" class=\"")
                .append(escape(cssClass)).append('"');
        data(dataAttributes);
        out.append('>').append(escape(content)).append("</text>\n");
        return this;
    }

    public Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("  <line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
                .append(number(x2)).append("\" y2=\"").append(number(y2)).append("\" class=\"").append(escape(cssClass))
                .append("\"/>\n");
        return this;
    }

    /** A filled shape through the points x1, y1, x2, y2, ... (an arrowhead, say). */
    public Svg polygon(String cssClass, double... points) {
        out.append("  <polygon points=\"");
        for (int i = 0; i < points.length; i += 2) {
            out.append(i == 0 ? "" : " ").append(number(points[i])).append(',').append(number(points[i + 1]));
        }
        out.append("\" class=\"").append(escape(cssClass)).append("\"/>\n");
        return this;
    }

    /** The document: its title for screen readers, its style sheet, then the elements. */
    public String finish(double documentHeight, String title, String style) {
        this.height = documentHeight;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(width) + "\" height=\"" + number(height)
                + "\" viewBox=\"0 0 " + number(width) + " " + number(height) + "\" role=\"img\">\n"
                + "  <title>" + escape(title) + "</title>\n"
                + "  <style>\n" + style.strip().indent(4) + "  </style>\n"
                + out
                + "</svg>\n";
    }

    private void data(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("data attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(" data-").append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    /** Text that fits a chart's width, cut with an ellipsis. */
    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** At most two decimals, no trailing zeros, a dot whatever the locale. */
    public static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        return text.equals("-0") ? "0" : text;
    }

    /**
     * Text safe in XML content and attribute values: markup characters escaped, and characters
     * XML 1.0 cannot hold at all (control characters; a quoted identifier may contain them)
     * replaced by U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
                    escaped.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return escaped.toString();
    }
}
