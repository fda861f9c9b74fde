package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/** The tables of a statement's FROM clause and how its column references resolve to them. */
final class QueryScope {

    /** One appearance of a table in FROM; the same table may appear twice under two aliases. */
    record TableInstance(int index, Table table, CitusTable citus, String alias, SourceSpans.Span span) {
        boolean distributed() {
            return !citus.reference();
        }
    }

    /** A column reference resolved to its table instance. */
    record ResolvedColumn(TableInstance instance, String column) {
        boolean isDistributionColumn() {
            return instance.distributed() && column.equals(instance.citus().distributionColumn());
        }

        String key() {
            return instance.index() + "." + column;
        }
    }

    /** Words PostgreSQL reads as values, not columns, when no column has their name. */
    private static final Set<String> VALUE_KEYWORDS = Set.of("true", "false", "null", "current_date", "current_time",
            "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user", "user", "current_role",
            "current_catalog", "current_schema");

    private final List<TableInstance> instances;

    QueryScope(List<TableInstance> instances) {
        this.instances = List.copyOf(instances);
    }

    List<TableInstance> instances() {
        return instances;
    }

    /** The column's table instance, or null when it is ambiguous, unknown, or qualified by a schema. */
    ResolvedColumn resolve(Column column) {
        String name = Identifiers.normalize(column.getColumnName());
        Table qualifier = column.getTable();
        String qualifierName = qualifier == null ? null : qualifier.getName();
        if (qualifierName != null && !qualifierName.isEmpty()) {
            if (qualifier.getSchemaName() != null) {
                return null;
            }
            String alias = Identifiers.normalize(qualifierName);
            for (TableInstance instance : instances) {
                if (instance.alias().equals(alias) && instance.citus().columns().contains(name)) {
                    return new ResolvedColumn(instance, name);
                }
            }
            return null;
        }
        ResolvedColumn found = null;
        for (TableInstance instance : instances) {
            if (instance.citus().columns().contains(name)) {
                if (found != null) {
                    return null;
                }
                found = new ResolvedColumn(instance, name);
            }
        }
        return found;
    }

    /** Whether a bare word is a value keyword such as {@code true} or {@code current_date} rather than a column. */
    boolean isValueKeyword(Column column) {
        Table qualifier = column.getTable();
        boolean qualified = qualifier != null && qualifier.getName() != null && !qualifier.getName().isEmpty();
        return !qualified && resolve(column) == null && VALUE_KEYWORDS.contains(Identifiers.normalize(column.getColumnName()));
    }

    List<TableInstance> distributed() {
        List<TableInstance> result = new ArrayList<>();
        for (TableInstance instance : instances) {
            if (instance.distributed()) {
                result.add(instance);
            }
        }
        return result;
    }
}
