package io.hyperscalelab.execution;

import io.hyperscalelab.cluster.CitusHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Decides how a SELECT runs, as Citus' planner does: on one shard when the distribution column
 * is pinned by the WHERE clause (router), as per-shard fragments merged on the coordinator when
 * every table is distributed and co-located and the joins follow the distribution column
 * (multi-shard), and otherwise on the coordinator. Only what it can prove correct is
 * distributed; every doubt means the coordinator.
 */
final class DistributedPlanner {

    sealed interface Decision {
    }

    record Distribute(DistributedPlan plan) implements Decision {
    }

    record Fallback(String reason) implements Decision {
    }

    /** A statement's FROM tables, by the names to resolve on the coordinator, or why it cannot be distributed at all. */
    record Tables(List<Table> tables, List<String> names, String routerOnly) {
    }

    /** Thrown while planning a shape the planner cannot distribute; the coordinator runs the statement. */
    static final class Unsupported extends Exception {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Set<String> INTEGER_TYPES = Set.of("int2", "int4", "int8", "smallint", "int", "integer", "bigint");

    private DistributedPlanner() {
    }

    /** What can be judged from the statement alone, before any metadata is read. */
    static Tables tables(ParsedStatement.Select statement) throws Unsupported {
        PlainSelect select = statement.select();
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            throw new Unsupported("WITH queries (CTEs) run on the coordinator");
        }
        if (select.getIntoTables() != null || select.getIntoTempTable() != null) {
            throw new Unsupported("SELECT INTO creates a table on the coordinator");
        }
        if (select.getForMode() != null || select.getForClause() != null || select.getForUpdateTable() != null) {
            throw new Unsupported("row locks (FOR UPDATE/SHARE) are taken by the coordinator");
        }
        if (select.getFromItem() == null) {
            throw new Unsupported("the query reads no table");
        }
        if (select.isUsingOnly() || select.getSampleClause() != null || select.getLateralViews() != null
                || select.getTop() != null || select.getSkip() != null || select.getFirst() != null
                || select.getQualify() != null || select.getOracleHierarchical() != null || select.getLimitBy() != null
                || select.getKsqlWindow() != null || select.getPreferringClause() != null) {
            throw new Unsupported("the query uses a clause the distributed planner leaves to the coordinator");
        }
        List<Table> tables = new ArrayList<>();
        tables.add(table(select.getFromItem()));
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                if (join.isNatural() || join.isApply() || join.isSemi() || join.isStraight() || join.isWindowJoin()
                        || join.isGlobal()) {
                    throw new Unsupported("this kind of join runs on the coordinator");
                }
                tables.add(table(join.getFromItem()));
            }
        }
        SourceSpans spans = statement.spans();
        SourceSpans.Span whole = spans.span(select);
        if (whole == null) {
            throw new Unsupported("the statement could not be located in its text");
        }
        boolean[] subquery = {false};
        boolean[] window = {false};
        spans.walk(whole, (element, span) -> {
            if (element != select && (element instanceof Select || element instanceof ExistsExpression)) {
                subquery[0] = true;
            }
            if (element instanceof AnalyticExpression analytic && analytic.getType() != AnalyticType.FILTER_ONLY
                    && analytic.getType() != AnalyticType.WITHIN_GROUP) {
                window[0] = true;
            }
            return true;
        });
        if (subquery[0]) {
            throw new Unsupported("subqueries run on the coordinator");
        }
        List<String> names = new ArrayList<>();
        for (Table table : tables) {
            names.add(table.getSchemaName() == null ? table.getName() : table.getSchemaName() + "." + table.getName());
        }
        String routerOnly = null;
        if (window[0] || (select.getWindowDefinitions() != null && !select.getWindowDefinitions().isEmpty())) {
            routerOnly = "window functions over several shards run on the coordinator";
        } else if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null) {
            routerOnly = "DISTINCT ON over several shards runs on the coordinator";
        } else if (select.getFetch() != null) {
            routerOnly = "FETCH FIRST over several shards runs on the coordinator";
        } else if (select.getGroupBy() != null && select.getGroupBy().getGroupingSets() != null
                && !select.getGroupBy().getGroupingSets().isEmpty()) {
            routerOnly = "grouping sets over several shards run on the coordinator";
        }
        return new Tables(tables, names, routerOnly);
    }

    private static Table table(FromItem item) throws Unsupported {
        if (!(item instanceof Table table)) {
            throw new Unsupported("subqueries and functions in FROM run on the coordinator");
        }
        if (table.getSampleClause() != null || table.getDatabaseName() != null || table.getCatalogName() != null
                || table.getPivot() != null || table.getUnPivot() != null) {
            throw new Unsupported("the table reference uses a clause the distributed planner leaves to the coordinator");
        }
        return table;
    }

    /** The plan, given how the coordinator resolved each FROM table. */
    static Decision plan(ParsedStatement.Select statement, Tables tables, List<ClusterCatalog.Resolved> resolved,
                         Set<String> aggregates) {
        try {
            return new Distribute(planOrThrow(statement, tables, resolved, aggregates));
        } catch (Unsupported e) {
            return new Fallback(e.getMessage());
        }
    }

    private static DistributedPlan planOrThrow(ParsedStatement.Select statement, Tables tables,
                                               List<ClusterCatalog.Resolved> resolved, Set<String> aggregates)
            throws Unsupported {
        PlainSelect select = statement.select();
        SourceSpans spans = statement.spans();
        List<QueryScope.TableInstance> instances = new ArrayList<>();
        for (int i = 0; i < tables.tables().size(); i++) {
            Table table = tables.tables().get(i);
            ClusterCatalog.Resolved r = resolved.get(i);
            if (!r.exists()) {
                throw new Unsupported("relation " + r.name() + " does not exist");
            }
            if (!r.readable()) {
                throw new Unsupported("the coordinator checks privileges and row security on " + r.name());
            }
            if (r.table() == null) {
                throw new Unsupported(r.name() + " is a local table of the coordinator");
            }
            SourceSpans.Span span = spans.span(table);
            if (span == null) {
                throw new Unsupported("the table reference could not be located in the statement");
            }
            String alias = Identifiers.normalize(table.getAlias() != null ? table.getAlias().getName() : table.getName());
            instances.add(new QueryScope.TableInstance(i, table, r.table(), alias, span));
        }
        QueryScope scope = new QueryScope(instances);
        List<QueryScope.TableInstance> distributed = scope.distributed();
        if (distributed.isEmpty()) {
            throw new Unsupported("reference tables live on the coordinator, which reads them itself");
        }
        CitusTable anchor = distributed.get(0).citus();
        for (QueryScope.TableInstance instance : distributed) {
            if (instance.citus().colocationId() != anchor.colocationId()
                    || instance.citus().shards().size() != anchor.shards().size()) {
                throw new Unsupported("the query joins distributed tables that are not co-located");
            }
        }

        Conditions conditions = conditions(select, scope);
        UnionFind classes = new UnionFind(instances.size());
        for (Expression condition : conditions.all()) {
            if (condition instanceof EqualsTo equals) {
                QueryScope.ResolvedColumn left = distributionColumn(equals.getLeftExpression(), scope);
                QueryScope.ResolvedColumn right = distributionColumn(equals.getRightExpression(), scope);
                if (left != null && right != null) {
                    classes.union(left.instance().index(), right.instance().index());
                }
            }
        }
        for (int[] pair : conditions.usingPairs()) {
            classes.union(pair[0], pair[1]);
        }
        for (QueryScope.TableInstance instance : distributed) {
            if (classes.find(instance.index()) != classes.find(distributed.get(0).index())) {
                throw new Unsupported("the query joins distributed tables on something other than their distribution columns");
            }
        }

        int shardCount = anchor.shards().size();
        TreeSet<Integer> indexes = prune(conditions.filters(), scope, conditions.outerJoin(), shardCount,
                anchor.integerDistribution());
        if (indexes != null && indexes.size() <= 1) {
            int index = indexes.isEmpty() ? 0 : indexes.first();
            PlannedTask task = Fragments.task(1, index, scope, spans, spans.span(select));
            return new DistributedPlan(ExecutionPath.ROUTER, List.of(task), MergeSpec.none());
        }
        if (tables.routerOnly() != null) {
            throw new Unsupported(tables.routerOnly());
        }
        List<Integer> shardIndexes = new ArrayList<>();
        if (indexes == null) {
            for (int i = 0; i < shardCount; i++) {
                shardIndexes.add(i);
            }
        } else {
            shardIndexes.addAll(indexes);
        }
        return MultiShardPlanner.plan(statement, scope, aggregates, shardIndexes);
    }

    /** The join and WHERE conditions, split by what they may be used for. */
    private record Conditions(List<Expression> filters, List<Expression> outerOn, List<int[]> usingPairs, boolean outerJoin) {
        List<Expression> all() {
            List<Expression> all = new ArrayList<>(filters);
            all.addAll(outerOn);
            return all;
        }
    }

    private static Conditions conditions(PlainSelect select, QueryScope scope) throws Unsupported {
        List<Expression> filters = new ArrayList<>();
        List<Expression> outerOn = new ArrayList<>();
        List<int[]> using = new ArrayList<>();
        boolean outer = false;
        List<QueryScope.TableInstance> instances = scope.instances();
        if (select.getJoins() != null) {
            for (int j = 0; j < select.getJoins().size(); j++) {
                Join join = select.getJoins().get(j);
                QueryScope.TableInstance right = instances.get(j + 1);
                boolean left = join.isLeft();
                boolean rightJoin = join.isRight();
                boolean full = join.isFull();
                if (left || rightJoin || full) {
                    outer = true;
                    // rows of a preserved reference table would come back once per shard
                    boolean previousReference = instances.subList(0, j + 1).stream().anyMatch(i -> i.citus().reference());
                    if (((left || full) && previousReference) || ((rightJoin || full) && right.citus().reference())) {
                        throw new Unsupported("an outer join that keeps a reference table's rows runs on the coordinator");
                    }
                }
                List<Expression> on = new ArrayList<>();
                if (join.getOnExpressions() != null) {
                    for (Expression expression : join.getOnExpressions()) {
                        conjuncts(expression, on);
                    }
                }
                (left || rightJoin || full ? outerOn : filters).addAll(on);
                if (join.getUsingColumns() != null) {
                    for (Column column : join.getUsingColumns()) {
                        String name = Identifiers.normalize(column.getColumnName());
                        for (int k = j; k >= 0; k--) {
                            if (instances.get(k).citus().columns().contains(name)) {
                                if (name.equals(instances.get(k).citus().distributionColumn())
                                        && name.equals(right.citus().distributionColumn())) {
                                    using.add(new int[] {k, right.index()});
                                }
                                break;
                            }
                        }
                    }
                }
            }
        }
        if (select.getWhere() != null) {
            conjuncts(select.getWhere(), filters);
        }
        return new Conditions(filters, outerOn, using, outer);
    }

    static void conjuncts(Expression expression, List<Expression> into) {
        if (expression instanceof AndExpression and) {
            conjuncts(and.getLeftExpression(), into);
            conjuncts(and.getRightExpression(), into);
        } else if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            conjuncts(list.get(0), into);
        } else {
            into.add(expression);
        }
    }

    private static QueryScope.ResolvedColumn distributionColumn(Expression expression, QueryScope scope) {
        if (expression instanceof Column column) {
            QueryScope.ResolvedColumn resolved = scope.resolve(column);
            if (resolved != null && resolved.isDistributionColumn()) {
                return resolved;
            }
        }
        return null;
    }

    /**
     * The shard indexes the filters allow, or null for all of them. Only integer distribution
     * columns are pruned here, with Citus' own hash; other types run on every shard, which is
     * correct and only slower. NULL distribution values live in the first shard; IS NULL does
     * not prune under an outer join, where it may test a row the join made up.
     */
    private static TreeSet<Integer> prune(List<Expression> filters, QueryScope scope, boolean outerJoin, int shardCount,
                                          boolean integerKeys) {
        if (!integerKeys) {
            return null;
        }
        TreeSet<Integer> allowed = null;
        for (Expression filter : filters) {
            TreeSet<Integer> shards = shardsOf(filter, scope, outerJoin, shardCount);
            if (shards != null) {
                if (allowed == null) {
                    allowed = shards;
                } else {
                    allowed.retainAll(shards);
                }
            }
        }
        return allowed;
    }

    private static TreeSet<Integer> shardsOf(Expression filter, QueryScope scope, boolean outerJoin, int shardCount) {
        if (filter instanceof EqualsTo equals) {
            Expression value = null;
            if (distributionColumn(equals.getLeftExpression(), scope) != null) {
                value = equals.getRightExpression();
            } else if (distributionColumn(equals.getRightExpression(), scope) != null) {
                value = equals.getLeftExpression();
            }
            if (value == null) {
                return null;
            }
            if (value instanceof NullValue) {
                return new TreeSet<>();
            }
            Long key = integerConstant(value);
            return key == null ? null : new TreeSet<>(Set.of(CitusHash.shardIndex(key, shardCount)));
        }
        if (filter instanceof InExpression in && !in.isNot() && !in.isGlobal()
                && distributionColumn(in.getLeftExpression(), scope) != null
                && in.getRightExpression() instanceof ExpressionList<?> list) {
            TreeSet<Integer> shards = new TreeSet<>();
            for (Expression item : list) {
                if (item instanceof NullValue) {
                    continue;
                }
                Long key = integerConstant(item);
                if (key == null) {
                    return null;
                }
                shards.add(CitusHash.shardIndex(key, shardCount));
            }
            return shards;
        }
        if (filter instanceof IsNullExpression isNull && !isNull.isNot() && !outerJoin
                && distributionColumn(isNull.getLeftExpression(), scope) != null) {
            return new TreeSet<>(Set.of(0));
        }
        return null;
    }

    /** An integer written as a constant: 42, -42, '42', 42::bigint, CAST('42' AS int). */
    static Long integerConstant(Expression expression) {
        try {
            if (expression instanceof LongValue number) {
                return number.getBigIntegerValue().longValueExact();
            }
            if (expression instanceof SignedExpression signed && signed.getExpression() instanceof LongValue number) {
                long value = number.getBigIntegerValue().longValueExact();
                return signed.getSign() == '-' ? Math.negateExact(value) : value;
            }
            if (expression instanceof StringValue string && (string.getPrefix() == null || string.getPrefix().isEmpty())) {
                return decimalInteger(string.getValue().strip());
            }
            if (expression instanceof CastExpression cast
                    && INTEGER_TYPES.contains(cast.getColDataType().getDataType().toLowerCase(java.util.Locale.ROOT))) {
                return integerConstant(cast.getLeftExpression());
            }
            if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                return integerConstant(list.get(0));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** [+-]digits, as PostgreSQL's integer input reads it (its other spellings are simply not pruned). */
    private static Long decimalInteger(String text) {
        int digits = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (text.length() == digits) {
            return null;
        }
        for (int i = digits; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            parent[find(a)] = find(b);
        }
    }
}
