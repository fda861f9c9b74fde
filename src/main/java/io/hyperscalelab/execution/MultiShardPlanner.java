package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Splits a SELECT over several shards into a fragment per shard and the coordinator's merge,
 * in one of three shapes:
 * <ul>
 * <li><b>rows</b> (no aggregation): each shard filters its rows; the coordinator concatenates
 *     them, or sorts, de-duplicates and limits them. With ORDER BY and LIMIT each shard returns
 *     only its top rows (LIMIT + OFFSET of them).</li>
 * <li><b>groups on one shard</b> (GROUP BY includes the distribution column): every group lives
 *     on one shard, so the whole query, HAVING and any aggregate included, runs there; the
 *     coordinator only orders, de-duplicates and limits.</li>
 * <li><b>partial aggregates</b> (any other aggregation): each shard groups by the same keys and
 *     returns partial aggregates (count, sum, min, max, avg as sum and count, ...); the
 *     coordinator combines them per group and applies HAVING, ORDER BY and LIMIT. An aggregate
 *     over DISTINCT values gets its argument as an extra grouping key on the shards, unless the
 *     argument is the distribution column, whose values never span shards.</li>
 * </ul>
 */
final class MultiShardPlanner {

    /** Aggregates whose partial results combine with the same function. */
    private static final Set<String> SELF_COMBINING = Set.of("min", "max", "bool_and", "bool_or", "every", "bit_and",
            "bit_or", "bit_xor");

    private final ParsedStatement.Select statement;
    private final PlainSelect select;
    private final SourceSpans spans;
    private final QueryScope scope;
    private final Set<String> aggregateNames;
    private final List<SelectItem<?>> items;

    private MultiShardPlanner(ParsedStatement.Select statement, QueryScope scope, Set<String> aggregateNames) {
        this.statement = statement;
        this.select = statement.select();
        this.spans = statement.spans();
        this.scope = scope;
        this.aggregateNames = aggregateNames;
        this.items = select.getSelectItems();
    }

    static DistributedPlan plan(ParsedStatement.Select statement, QueryScope scope, Set<String> aggregateNames,
                                List<Integer> shardIndexes) throws DistributedPlanner.Unsupported {
        return new MultiShardPlanner(statement, scope, aggregateNames).plan(shardIndexes);
    }

    private DistributedPlan plan(List<Integer> shardIndexes) throws DistributedPlanner.Unsupported {
        Long limit = limit();
        long offset = offset();
        List<Expression> groupKeys = groupKeys();
        boolean aggregated = select.getGroupBy() != null || select.getHaving() != null || containsAggregate();
        boolean onePerShard = groupKeys.stream().anyMatch(this::isDistributionColumn);
        Fragments.Template template;
        MergeSpec merge;
        if (!aggregated || onePerShard) {
            Rows rows = rows(limit, offset, aggregated);
            template = rows.template();
            merge = rows.merge();
        } else {
            PartialAggregation partial = new PartialAggregation(groupKeys);
            template = partial.template();
            merge = partial.merge(limit, offset);
        }
        List<PlannedTask> tasks = Fragments.tasks(shardIndexes, scope, spans, template);
        return new DistributedPlan(ExecutionPath.MULTI_SHARD, tasks, merge);
    }

    // ------------------------------------------------------------------ rows and groups on one shard

    private record Rows(Fragments.Template template, MergeSpec merge) {
    }

    /**
     * The shards run the query itself (with its GROUP BY and HAVING when groups are shard-local),
     * sorted and cut to LIMIT + OFFSET rows when there is a LIMIT; sort keys that are not result
     * columns come back as extra columns at the end.
     */
    private Rows rows(Long limit, long offset, boolean grouped) throws DistributedPlanner.Unsupported {
        boolean distinct = select.getDistinct() != null;
        List<String> extras = new ArrayList<>();
        List<MergeSpec.Order> mergeOrder = new ArrayList<>();
        List<OrderByElement> orderBy = select.getOrderByElements() == null ? List.of() : select.getOrderByElements();
        for (OrderByElement element : orderBy) {
            Integer position = outputPosition(element.getExpression());
            if (position != null) {
                mergeOrder.add(new MergeSpec.Order(MergeText.of(String.valueOf(position)), direction(element)));
            } else {
                extras.add(source(element.getExpression()));
                // extra j of n is the (n - j)th column from the end of the workers' rows
                mergeOrder.add(new MergeSpec.Order(null, direction(element)));
            }
        }
        if (distinct && !extras.isEmpty()) {
            throw new DistributedPlanner.Unsupported("ORDER BY of SELECT DISTINCT must use result columns");
        }
        for (int i = 0, extra = 0; i < mergeOrder.size(); i++) {
            if (mergeOrder.get(i).expression() == null) {
                int fromEnd = extras.size() - extra++;
                mergeOrder.set(i, new MergeSpec.Order(MergeText.column(-fromEnd), mergeOrder.get(i).direction()));
            }
        }
        StringBuilder prefix = new StringBuilder("SELECT ");
        if (distinct) {
            prefix.append("DISTINCT ");
        }
        prefix.append(selectListText());
        for (int i = 0; i < extras.size(); i++) {
            prefix.append(", ").append(extras.get(i)).append(" AS ").append(Sql.identifier("worker_column_" + (i + 1)));
        }
        prefix.append(" FROM ");
        StringBuilder suffix = new StringBuilder();
        if (grouped) {
            suffix.append(groupByText()).append(havingText());
        }
        Long workerLimit = limit == null ? null : limit + offset;
        if (workerLimit != null && !orderBy.isEmpty()) {
            suffix.append(" ORDER BY ").append(orderByText(orderBy));
        }
        if (workerLimit != null) {
            suffix.append(" LIMIT ").append(workerLimit);
        }
        boolean coordinator = !mergeOrder.isEmpty() || distinct;
        MergeSpec merge = new MergeSpec(coordinator, null, extras.size(), distinct, List.of(), null, mergeOrder, limit,
                offset, List.of());
        return new Rows(new Fragments.Template(prefix.toString(), fromWhereRange(), suffix.toString()), merge);
    }

    // ------------------------------------------------------------------ partial aggregates

    /** The shards' grouping keys and partial aggregates, and the coordinator's combination of them. */
    private final class PartialAggregation {
        private final List<String> workerItems = new ArrayList<>();
        private final Set<String> workerNames = new HashSet<>();
        /** key identity to worker column */
        private final Map<String, Integer> keyColumns = new HashMap<>();
        /** worker columns the shards group by: the grouping keys, then the arguments of DISTINCT aggregates */
        private final List<Integer> shardKeys = new ArrayList<>();
        private final int groupKeyCount;
        private final List<AggregateMerge> aggregates = new ArrayList<>();
        /** canonical aggregate text to its index in aggregates */
        private final Map<String, Integer> aggregateIndex = new HashMap<>();
        private final List<MergeSpec.Target> targets = new ArrayList<>();
        private final MergeText having;
        private final List<MergeSpec.Order> order = new ArrayList<>();
        /** Whether the shards group by the arguments of DISTINCT aggregates too, which splits their groups further. */
        private final boolean distinctKeys;

        PartialAggregation(List<Expression> groupKeys) throws DistributedPlanner.Unsupported {
            distinctKeys = needsDistinctKeys();
            for (Expression key : groupKeys) {
                String identity = identity(key);
                if (!keyColumns.containsKey(identity)) {
                    int column = addWorkerItem(source(key), labelOfTargetMatching(identity));
                    keyColumns.put(identity, column);
                    shardKeys.add(column);
                }
            }
            groupKeyCount = workerItems.size();
            for (SelectItem<?> item : items) {
                if (item.getExpression() instanceof AllColumns) {
                    throw new DistributedPlanner.Unsupported("SELECT * with aggregates: the coordinator checks the grouping");
                }
                targets.add(new MergeSpec.Target(rewrite(item.getExpression(), ColumnLabels.of(item)), ColumnLabels.of(item)));
            }
            having = select.getHaving() == null ? null : rewrite(select.getHaving(), null);
            if (select.getOrderByElements() != null) {
                for (OrderByElement element : select.getOrderByElements()) {
                    Integer position = outputPosition(element.getExpression());
                    MergeText expression = position != null ? MergeText.of(String.valueOf(position))
                            : rewrite(element.getExpression(), null);
                    order.add(new MergeSpec.Order(expression, direction(element)));
                }
            }
        }

        Fragments.Template template() throws DistributedPlanner.Unsupported {
            StringBuilder prefix = new StringBuilder("SELECT ").append(String.join(", ", workerItems)).append(" FROM ");
            StringBuilder suffix = new StringBuilder();
            for (int i = 0; i < shardKeys.size(); i++) {
                suffix.append(i == 0 ? " GROUP BY " : ", ").append(shardKeys.get(i) + 1);
            }
            return new Fragments.Template(prefix.toString(), fromWhereRange(), suffix.toString());
        }

        MergeSpec merge(Long limit, long offset) {
            List<MergeText> groupBy = new ArrayList<>();
            for (int i = 0; i < groupKeyCount; i++) {
                groupBy.add(MergeText.column(i));
            }
            return new MergeSpec(true, targets, 0, select.getDistinct() != null, groupBy, having, order, limit, offset,
                    aggregates);
        }

        /**
         * The expression in terms of the workers' columns: grouping keys become their column,
         * aggregates their combination, the rest stays as written. A column outside both is
         * the coordinator's to judge (PostgreSQL allows it when grouped by a primary key, and
         * otherwise raises the error the learner should see).
         */
        private MergeText rewrite(Expression expression, String label) throws DistributedPlanner.Unsupported {
            MergeText whole = replacement(expression, label);
            if (whole != null) {
                return whole;
            }
            SourceSpans.Span span = spans.span(expression);
            if (span == null) {
                throw new DistributedPlanner.Unsupported("an expression could not be located in the statement");
            }
            List<SourceSpans.Span> holes = new ArrayList<>();
            List<MergeText> fills = new ArrayList<>();
            DistributedPlanner.Unsupported[] problem = {null};
            SourceSpans.Visitor visitor = (element, at) -> {
                if (problem[0] != null || !(element instanceof Expression e) || e == expression) {
                    return problem[0] == null;
                }
                try {
                    MergeText fill = replacement(e, null);
                    if (fill != null) {
                        holes.add(at);
                        fills.add(fill);
                        return false;
                    }
                } catch (DistributedPlanner.Unsupported u) {
                    problem[0] = u;
                    return false;
                }
                return true;
            };
            spans.walk(span, visitor);
            if (problem[0] != null) {
                throw problem[0];
            }
            MergeText text = new MergeText();
            int at = span.begin();
            for (int i = 0; i < holes.size(); i++) {
                SourceSpans.Span hole = holes.get(i);
                if (hole.begin() < at) {
                    continue;
                }
                text.text(spans.text().substring(at, hole.begin())).append(fills.get(i));
                at = hole.end();
            }
            return text.text(spans.text().substring(at, span.end()));
        }

        /** What replaces one element of an expression, or null to look inside it. */
        private MergeText replacement(Expression element, String label) throws DistributedPlanner.Unsupported {
            if (isAggregate(element)) {
                return new MergeText().aggregate(partial(element, label));
            }
            Integer key = keyColumns.get(identity(element));
            if (key != null && key < groupKeyCount) {
                return MergeText.column(key);
            }
            if (element instanceof Column column && !scope.isValueKeyword(column)) {
                throw new DistributedPlanner.Unsupported("column " + column + " is neither grouped nor aggregated");
            }
            if (element instanceof AllColumns) {
                throw new DistributedPlanner.Unsupported("* outside an aggregate");
            }
            return null;
        }

        /** Adds an aggregate's partial results to the worker items; returns its index among the merged aggregates. */
        private int partial(Expression call, String label) throws DistributedPlanner.Unsupported {
            String canonical = Identifiers.canonical(source(call));
            Integer known = aggregateIndex.get(canonical);
            if (known != null) {
                return known;
            }
            Aggregate aggregate = Aggregate.of(call, spans);
            AggregateMerge merge;
            if (aggregate.orderedSet()) {
                throw new DistributedPlanner.Unsupported("ordered-set aggregate " + aggregate.name() + " needs all rows in one place");
            }
            // DISTINCT values of the distribution column never span shards: per-shard counts, sums,
            // minima and maxima of them combine like any others
            boolean distinctOnShards = aggregate.distinct() && !distinctKeys && aggregate.arguments().size() == 1
                    && isDistributionColumn(aggregate.arguments().get(0))
                    && (aggregate.name().equals("count") || aggregate.name().equals("sum") || SELF_COMBINING.contains(aggregate.name()));
            if (aggregate.distinct() && !distinctOnShards) {
                if (aggregate.arguments().size() != 1 || aggregate.filter() != null || aggregate.hasOrderBy()) {
                    throw new DistributedPlanner.Unsupported(aggregate.name() + "(DISTINCT ...) of this form runs on the coordinator");
                }
                Expression argument = aggregate.arguments().get(0);
                String identity = "distinct:" + identity(argument);
                Integer column = keyColumns.get(identity);
                if (column == null) {
                    column = addWorkerItem(source(argument), null);
                    keyColumns.put(identity, column);
                    shardKeys.add(column);
                }
                merge = new AggregateMerge(AggregateMerge.Kind.DISTINCT, aggregate.name(), column, -1);
            } else if (aggregate.name().equals("count")) {
                merge = new AggregateMerge(AggregateMerge.Kind.COUNT, "count", addWorkerItem(source(call), label), -1);
            } else if (aggregate.name().equals("sum")) {
                merge = new AggregateMerge(AggregateMerge.Kind.SUM, "sum", addWorkerItem(source(call), label), -1);
            } else if (SELF_COMBINING.contains(aggregate.name())) {
                merge = new AggregateMerge(AggregateMerge.Kind.SELF, aggregate.name(), addWorkerItem(source(call), label), -1);
            } else if (aggregate.name().equals("avg") && aggregate.arguments().size() == 1 && !aggregate.hasOrderBy()) {
                String argument = source(aggregate.arguments().get(0));
                String filter = aggregate.filter() == null ? "" : " FILTER (WHERE " + source(aggregate.filter()) + ")";
                int sum = addWorkerItem("sum(" + argument + ")" + filter, null);
                int count = addWorkerItem("count(" + argument + ")" + filter, null);
                merge = new AggregateMerge(AggregateMerge.Kind.AVG, "avg", sum, count);
            } else {
                throw new DistributedPlanner.Unsupported("the aggregate " + aggregate.name() + " cannot be combined across shards");
            }
            aggregates.add(merge);
            aggregateIndex.put(canonical, aggregates.size() - 1);
            return aggregates.size() - 1;
        }

        /**
         * Whether some aggregate needs its DISTINCT argument as a grouping key on the shards;
         * then the shards' groups no longer hold whole groups of the distribution column, and
         * every DISTINCT aggregate is combined over the keys instead of per shard.
         */
        private boolean needsDistinctKeys() {
            List<Object> roots = new ArrayList<>(items);
            if (select.getHaving() != null) {
                roots.add(select.getHaving());
            }
            if (select.getOrderByElements() != null) {
                select.getOrderByElements().forEach(o -> roots.add(o.getExpression()));
            }
            boolean[] found = {false};
            for (Object root : roots) {
                Object expression = root instanceof SelectItem<?> item ? item.getExpression() : root;
                if (expression instanceof Expression e && isAggregate(e)) {
                    found[0] |= distinctOffTheDistributionColumn(e);
                }
                SourceSpans.Span span = spans.span(root);
                if (span != null) {
                    spans.walk(span, (element, at) -> {
                        if (element instanceof Expression e && isAggregate(e)) {
                            found[0] |= distinctOffTheDistributionColumn(e);
                            return false;
                        }
                        return true;
                    });
                }
            }
            return found[0];
        }

        private boolean distinctOffTheDistributionColumn(Expression call) {
            Aggregate aggregate = Aggregate.of(call, spans);
            return aggregate.distinct() && !(aggregate.arguments().size() == 1 && isDistributionColumn(aggregate.arguments().get(0))
                    && (aggregate.name().equals("count") || aggregate.name().equals("sum")
                        || SELF_COMBINING.contains(aggregate.name())));
        }

        private int addWorkerItem(String sql, String preferredName) {
            String name = preferredName != null && !preferredName.startsWith("worker_column_") && workerNames.add(preferredName)
                    ? preferredName : null;
            if (name == null) {
                name = "worker_column_" + (workerItems.size() + 1);
                workerNames.add(name);
            }
            workerItems.add(sql + " AS " + Sql.identifier(name));
            return workerItems.size() - 1;
        }

        private String labelOfTargetMatching(String identity) {
            for (SelectItem<?> item : items) {
                if (!(item.getExpression() instanceof AllColumns) && identity(item.getExpression()).equals(identity)) {
                    return ColumnLabels.of(item);
                }
            }
            return null;
        }
    }

    /** An aggregate call's parts: name, DISTINCT, arguments, FILTER, ORDER BY. */
    private record Aggregate(String name, boolean distinct, List<Expression> arguments, Expression filter,
                             boolean hasOrderBy, boolean orderedSet) {

        static Aggregate of(Expression call, SourceSpans spans) {
            if (call instanceof AnalyticExpression analytic) {
                List<Expression> arguments = new ArrayList<>();
                if (analytic.getExpression() != null) {
                    arguments.add(analytic.getExpression());
                }
                if (analytic.getOffset() != null) {
                    arguments.add(analytic.getOffset());
                }
                if (analytic.getDefaultValue() != null) {
                    arguments.add(analytic.getDefaultValue());
                }
                boolean orderBy = analytic.getFuncOrderBy() != null && !analytic.getFuncOrderBy().isEmpty();
                return new Aggregate(Identifiers.normalize(analytic.getName()), analytic.isDistinct(), arguments,
                        analytic.getFilterExpression(), orderBy, analytic.getType() == AnalyticType.WITHIN_GROUP);
            }
            Function function = (Function) call;
            List<Expression> arguments = new ArrayList<>();
            ExpressionList<?> parameters = function.getParameters();
            if (parameters != null && !function.isAllColumns()) {
                arguments.addAll(parameters);
            }
            boolean orderBy = function.getOrderByElements() != null && !function.getOrderByElements().isEmpty();
            return new Aggregate(MultiShardPlanner.name(function), function.isDistinct(), arguments, null, orderBy, false);
        }
    }

    // ------------------------------------------------------------------ shared helpers

    private boolean containsAggregate() {
        boolean[] found = {false};
        List<Object> roots = new ArrayList<>(items);
        if (select.getOrderByElements() != null) {
            select.getOrderByElements().forEach(o -> roots.add(o.getExpression()));
        }
        for (Object root : roots) {
            SourceSpans.Span span = spans.span(root);
            if (root instanceof SelectItem<?> item && isAggregate(item.getExpression())) {
                return true;
            }
            if (span != null) {
                spans.walk(span, (element, s) -> {
                    found[0] |= element instanceof Expression e && isAggregate(e);
                    return !found[0];
                });
            }
        }
        return found[0];
    }

    private boolean isAggregate(Expression expression) {
        if (expression instanceof Function function) {
            return aggregateNames.contains(name(function)) && function.getKeep() == null;
        }
        return expression instanceof AnalyticExpression analytic
                && (analytic.getType() == AnalyticType.FILTER_ONLY || analytic.getType() == AnalyticType.WITHIN_GROUP);
    }

    private static String name(Function function) {
        List<String> parts = function.getMultipartName();
        return Identifiers.normalize(parts.get(parts.size() - 1));
    }

    /**
     * GROUP BY items as expressions: {@code GROUP BY 2} is the second result column, and a bare
     * name that is no input column is a result column's alias, as PostgreSQL reads them.
     */
    private List<Expression> groupKeys() throws DistributedPlanner.Unsupported {
        List<Expression> keys = new ArrayList<>();
        if (select.getGroupBy() == null || select.getGroupBy().getGroupByExpressionList() == null) {
            return keys;
        }
        for (Object item : select.getGroupBy().getGroupByExpressionList()) {
            Expression key = (Expression) item;
            if (key instanceof LongValue ordinal) {
                int position = (int) ordinal.getValue();
                if (position < 1 || position > items.size() || items.get(position - 1).getExpression() instanceof AllColumns) {
                    throw new DistributedPlanner.Unsupported("GROUP BY position " + position + " is the coordinator's to check");
                }
                key = items.get(position - 1).getExpression();
            } else if (key instanceof Column column && scope.resolve(column) == null && column.getTable() == null) {
                Expression aliased = targetWithAlias(Identifiers.normalize(column.getColumnName()));
                if (aliased == null) {
                    throw new DistributedPlanner.Unsupported("GROUP BY " + column + " names no column");
                }
                key = aliased;
            }
            keys.add(key);
        }
        return keys;
    }

    private Expression targetWithAlias(String name) {
        for (SelectItem<?> item : items) {
            if (item.getAlias() != null && Identifiers.normalize(item.getAlias().getName()).equals(name)) {
                return item.getExpression();
            }
        }
        return null;
    }

    /** An ORDER BY item that names a result column (by position or output name): its 1-based position, else null. */
    private Integer outputPosition(Expression expression) {
        if (expression instanceof LongValue ordinal) {
            return (int) ordinal.getValue();
        }
        if (expression instanceof Column column && (column.getTable() == null || column.getTable().getName() == null)) {
            String name = Identifiers.normalize(column.getColumnName());
            int position = 0;
            for (SelectItem<?> item : items) {
                if (item.getExpression() instanceof AllColumns) {
                    return null;
                }
                position++;
                if (ColumnLabels.of(item).equals(name)) {
                    return position;
                }
            }
        }
        return null;
    }

    private boolean isDistributionColumn(Expression expression) {
        if (expression instanceof Column column) {
            QueryScope.ResolvedColumn resolved = scope.resolve(column);
            return resolved != null && resolved.isDistributionColumn();
        }
        return false;
    }

    /** Columns compare by the column they resolve to; other expressions by their canonical text. */
    private String identity(Expression expression) {
        if (expression instanceof Column column) {
            QueryScope.ResolvedColumn resolved = scope.resolve(column);
            if (resolved != null) {
                return "column:" + resolved.key();
            }
        }
        return "expression:" + Identifiers.canonical(spans.source(expression));
    }

    private Long limit() throws DistributedPlanner.Unsupported {
        Limit limit = select.getLimit();
        if (limit == null || limit.isLimitAll() || limit.isLimitNull()) {
            return null;
        }
        if (limit.getOffset() != null || !(limit.getRowCount() instanceof LongValue count)) {
            throw new DistributedPlanner.Unsupported("a LIMIT that is not a number runs on the coordinator");
        }
        return count.getValue();
    }

    private long offset() throws DistributedPlanner.Unsupported {
        if (select.getOffset() == null) {
            return 0;
        }
        if (!(select.getOffset().getOffset() instanceof LongValue count)) {
            throw new DistributedPlanner.Unsupported("an OFFSET that is not a number runs on the coordinator");
        }
        return count.getValue();
    }

    private String selectListText() throws DistributedPlanner.Unsupported {
        SourceSpans.Span first = spans.span(items.get(0));
        SourceSpans.Span last = spans.span(items.get(items.size() - 1));
        if (first == null || last == null) {
            throw new DistributedPlanner.Unsupported("the select list could not be located in the statement");
        }
        return spans.text().substring(first.begin(), last.end());
    }

    /** From the first table of FROM to the end of WHERE (or of the last join): the part naming tables. */
    private SourceSpans.Span fromWhereRange() throws DistributedPlanner.Unsupported {
        SourceSpans.Span from = spans.span(select.getFromItem());
        if (from == null) {
            throw new DistributedPlanner.Unsupported("FROM could not be located in the statement");
        }
        int end = from.end();
        if (select.getJoins() != null) {
            for (var join : select.getJoins()) {
                SourceSpans.Span span = spans.span(join);
                if (span == null) {
                    throw new DistributedPlanner.Unsupported("a join could not be located in the statement");
                }
                end = Math.max(end, span.end());
            }
        }
        if (select.getWhere() != null) {
            SourceSpans.Span where = spans.span(select.getWhere());
            if (where == null) {
                throw new DistributedPlanner.Unsupported("WHERE could not be located in the statement");
            }
            end = Math.max(end, where.end());
        }
        return new SourceSpans.Span(from.begin(), end);
    }

    private String groupByText() throws DistributedPlanner.Unsupported {
        List<String> keys = new ArrayList<>();
        for (Object item : select.getGroupBy().getGroupByExpressionList()) {
            keys.add(source(item));
        }
        return keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys);
    }

    private String havingText() throws DistributedPlanner.Unsupported {
        return select.getHaving() == null ? "" : " HAVING " + source(select.getHaving());
    }

    private String orderByText(List<OrderByElement> orderBy) throws DistributedPlanner.Unsupported {
        List<String> parts = new ArrayList<>();
        for (OrderByElement element : orderBy) {
            parts.add(source(element.getExpression()) + direction(element));
        }
        return String.join(", ", parts);
    }

    private static String direction(OrderByElement element) {
        String direction = element.isAscDescPresent() ? (element.isAsc() ? " ASC" : " DESC") : "";
        if (element.getNullOrdering() != null) {
            direction += element.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST ? " NULLS FIRST" : " NULLS LAST";
        }
        return direction;
    }

    /** An element as the learner wrote it; JSqlParser's printing of it where the parser kept no position. */
    private String source(Object element) {
        return spans.source(element);
    }
}
