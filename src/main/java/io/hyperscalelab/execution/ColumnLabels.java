package io.hyperscalelab.execution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The name PostgreSQL gives a result column it was given no alias for (parse_target.c,
 * FigureColname): a column's name, a function's name, a cast's inner name or else its type,
 * "case", "array", "row", and "?column?" for the rest. Needed where the coordinator computes a
 * column itself (a merged aggregate), so the result is labelled as PostgreSQL would label it.
 */
final class ColumnLabels {

    private record Label(String name, int strength) {
    }

    /** Type names as PostgreSQL's grammar turns them into catalog names. */
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("smallint", "int2"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("float", "float8"),
            Map.entry("double precision", "float8"), Map.entry("boolean", "bool"), Map.entry("decimal", "numeric"),
            Map.entry("dec", "numeric"), Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("time with time zone", "timetz"), Map.entry("time without time zone", "time"));

    private ColumnLabels() {
    }

    static String of(SelectItem<?> item) {
        if (item.getAlias() != null) {
            return Identifiers.normalize(item.getAlias().getName());
        }
        return label(item.getExpression()).name();
    }

    private static Label label(Expression expression) {
        if (expression instanceof Column column) {
            return new Label(Identifiers.normalize(column.getColumnName()), 2);
        }
        if (expression instanceof Function function) {
            List<String> parts = function.getMultipartName();
            return new Label(Identifiers.normalize(parts.get(parts.size() - 1)), 2);
        }
        if (expression instanceof AnalyticExpression analytic) {
            return new Label(Identifiers.normalize(analytic.getName()), 2);
        }
        if (expression instanceof CastExpression cast) {
            Label inner = label(cast.getLeftExpression());
            if (inner.strength() > 1) {
                return inner;
            }
            return new Label(typeName(cast.getColDataType().getDataType()), 1);
        }
        if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return label(list.get(0));
        }
        if (expression instanceof CaseExpression) {
            return new Label("case", 1);
        }
        if (expression instanceof ArrayConstructor) {
            return new Label("array", 1);
        }
        if (expression instanceof RowConstructor<?>) {
            return new Label("row", 1);
        }
        if (expression instanceof ExtractExpression) {
            return new Label("extract", 2);
        }
        if (expression instanceof TimeKeyExpression time) {
            return new Label(time.getStringValue().toLowerCase(Locale.ROOT), 2);
        }
        return new Label("?column?", 0);
    }

    private static String typeName(String written) {
        String name = written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        int typmod = name.indexOf('(');
        if (typmod >= 0) {
            name = name.substring(0, typmod).trim();
        }
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2).trim();
        }
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        return TYPE_NAMES.getOrDefault(name, Identifiers.normalize(name));
    }
}
