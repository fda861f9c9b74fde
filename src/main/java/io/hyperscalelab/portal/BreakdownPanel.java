package io.hyperscalelab.portal;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.hyperscalelab.breakdown.BreakdownChart;
import io.hyperscalelab.breakdown.Measures;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.execution.Breakdown;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.execution.StatementException;
import io.hyperscalelab.execution.StatementResult;
import io.hyperscalelab.execution.TaskBreakdown;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * How a statement ran, under the query editor's results: its path in words, then three tabs,
 * Chart (the per-worker and per-shard SVG), Tasks (every task, its SQL a click away) and EXPLAIN
 * (the Citus-shaped plan, asked for when the tab is opened, with or without every task).
 */
final class BreakdownPanel extends Div {

    /** EXPLAIN of a statement, run for the panel by the editor's session. */
    @FunctionalInterface
    interface Explainer {
        CompletableFuture<StatementResult> explain(String sql, boolean allTasks);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Explainer explainer;
    private final Paragraph summary = new Paragraph();
    private final Div chart = new Div();
    private final Grid<TaskBreakdown> tasks = new Grid<>();
    private final Pre plan = new Pre();
    private final Checkbox allTasks = new Checkbox("Show every task (citus.explain_all_tasks)");
    private final TabSheet tabs = new TabSheet();
    private final Tab explainTab;
    private RanStatement shown;
    private boolean explained;

    BreakdownPanel(Explainer explainer) {
        this.explainer = explainer;
        addClassName("breakdown-panel");
        setId("breakdown");
        summary.setId("breakdown-summary");
        summary.addClassName("breakdown-summary");
        chart.setId("breakdown-chart");
        chart.addClassName("breakdown-chart");
        plan.setId("breakdown-explain");
        plan.addClassName("breakdown-explain");
        allTasks.setId("explain-all-tasks");
        allTasks.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                explained = false;
                explainIfShown();
            }
        });
        taskColumns();
        tabs.add("Chart", chart);
        tabs.add("Tasks", tasks);
        explainTab = tabs.add("EXPLAIN", new Div(allTasks, plan));
        tabs.addSelectedChangeListener(change -> explainIfShown());
        tabs.addClassName("breakdown-tabs");
        add(new H2("How it ran"), summary, tabs);
        setVisible(false);
    }

    /** Shows how {@code statement} ran; its EXPLAIN follows when the EXPLAIN tab is open. */
    void show(RanStatement statement) {
        shown = statement;
        explained = false;
        Breakdown breakdown = statement.breakdown();
        summary.setText(BreakdownChart.title(breakdown) + ". Wall time " + Measures.millis(breakdown.wallMillis())
                + (breakdown.path() == ExecutionPath.COORDINATOR && !breakdown.reason().isEmpty()
                ? ". Why: " + breakdown.reason() : "") + "." + (statement.source().equals(RanStatement.QUERY_EDITOR) ? ""
                : " Ran in the " + statement.source() + " at " + TIME.format(statement.at()) + "."));
        chart.removeAll();
        chart.add(new Svg(BreakdownChart.svg(breakdown)));
        tasks.setItems(breakdown.tasks());
        plan.setText("");
        setVisible(true);
        explainIfShown();
    }

    void hide() {
        shown = null;
        setVisible(false);
    }

    private void taskColumns() {
        tasks.setId("breakdown-tasks");
        tasks.addClassName("breakdown-tasks");
        tasks.setAllRowsVisible(true);
        tasks.addColumn(TaskBreakdown::task).setHeader("Task").setAutoWidth(true).setFlexGrow(0);
        tasks.addColumn(TaskBreakdown::shardId).setHeader("Shard id").setAutoWidth(true).setFlexGrow(0);
        tasks.addColumn(t -> t.shards().stream().map(s -> s.table()).collect(Collectors.joining(", ")))
                .setHeader("Shard table").setAutoWidth(true);
        tasks.addColumn(t -> t.worker().name()).setHeader("Worker").setAutoWidth(true);
        tasks.addColumn(t -> t.worker().endpoint()).setHeader("Host:port").setAutoWidth(true);
        tasks.addColumn(t -> Measures.count(t.rows())).setHeader("Rows").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(t -> "number");
        tasks.addColumn(t -> Measures.bytes(t.bytes())).setHeader("Bytes").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(t -> "number");
        tasks.addColumn(t -> Measures.millis(t.millis())).setHeader("Time").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(t -> "number");
        tasks.addColumn(TaskBreakdown::sql).setHeader("SQL sent (click a row for all of it)").setFlexGrow(1)
                .setClassNameGenerator(t -> "task-sql");
        tasks.setItemDetailsRenderer(new ComponentRenderer<>(t -> {
            Pre sql = new Pre(t.sql());
            sql.addClassName("task-sql-full");
            return sql;
        }));
        tasks.setDetailsVisibleOnClick(true);
    }

    private void explainIfShown() {
        if (shown == null || explained || tabs.getSelectedTab() != explainTab) {
            return;
        }
        explained = true;
        String sql = shown.sql();
        if (startsWithExplain(sql)) {
            plan.setText("The statement is an EXPLAIN itself: its plan is in the results above.");
            return;
        }
        plan.setText("Running EXPLAIN...");
        UI ui = UI.getCurrent();
        RanStatement forStatement = shown;
        explainer.explain(sql, allTasks.getValue()).whenComplete((result, error) -> ui.access(() -> {
            if (shown != forStatement) {
                return;
            }
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                plan.setText("EXPLAIN failed: " + (cause instanceof StatementException e ? "ERROR:  " + e.getMessage()
                        : cause.getMessage()));
            } else {
                plan.setText(result.rows().stream().map(row -> row.get(0)).collect(Collectors.joining("\n")));
            }
        }));
    }

    private static boolean startsWithExplain(String sql) {
        return sql.stripLeading().regionMatches(true, 0, "EXPLAIN", 0, 7);
    }

    /** For the view's header: what a history entry is called in the Recent list. */
    static String label(RanStatement statement) {
        String sql = statement.sql().replaceAll("\\s+", " ");
        return TIME.format(statement.at()) + "  " + statement.source() + "  " + (sql.length() > 70 ? sql.substring(0, 69) + "\u2026" : sql);
    }
}
