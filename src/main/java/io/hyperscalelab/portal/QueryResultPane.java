package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.hyperscalelab.breakdown.Measures;
import io.hyperscalelab.execution.ResultColumn;
import io.hyperscalelab.execution.StatementException;
import io.hyperscalelab.execution.StatementResult;
import java.util.List;

/**
 * What a statement gave, under the query editor's statement box: a status line ("N rows",
 * the duration), the notices, and the rows in a grid (text as PostgreSQL wrote it, NULL set apart,
 * at most {@value #SHOWN_ROWS} rows) or the error with PostgreSQL's message, its position marked
 * in the statement.
 */
final class QueryResultPane extends Div {

    /** Rows the grid shows at most; the status line says how many there were. */
    static final int SHOWN_ROWS = 1_000;
    private static final int ROWS_WITHOUT_SCROLLING = 12;

    private final Div status = new Div();
    private final Div messages = new Div();
    private final Grid<List<String>> grid = new Grid<>();

    QueryResultPane() {
        addClassName("query-result");
        status.setId("query-status");
        status.addClassName("query-status");
        messages.addClassName("query-messages");
        grid.setId("query-results");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addClassName("query-results");
        grid.setVisible(false);
        add(status, messages, grid);
    }

    void running() {
        status.removeAll();
        status.add(new Span("Running..."));
        status.getElement().setAttribute("state", "running");
    }

    void show(StatementResult result, double millis) {
        messages.removeAll();
        for (var notice : result.notices()) {
            Pre line = new Pre(notice.text());
            line.addClassName("query-notice");
            messages.add(line);
        }
        long rows = result.rows().size();
        String summary;
        if (result.columns().isEmpty()) {
            grid.setVisible(false);
            summary = "Query succeeded: " + result.commandTag();
        } else {
            columns(result.columns());
            grid.setItems(rows > SHOWN_ROWS ? result.rows().subList(0, SHOWN_ROWS) : result.rows());
            // a few rows take their own height; many scroll inside the grid
            grid.setAllRowsVisible(rows <= ROWS_WITHOUT_SCROLLING);
            grid.setHeight(rows <= ROWS_WITHOUT_SCROLLING ? null : "420px");
            grid.setVisible(true);
            summary = rows > SHOWN_ROWS ? Measures.rows(rows) + ", the first " + Measures.count(SHOWN_ROWS) + " shown"
                    : Measures.rows(rows);
        }
        setStatus("succeeded", VaadinIcon.CHECK_CIRCLE, summary, Measures.millis(millis));
    }

    /** PostgreSQL's error: its message, detail and hint, and the statement with the error's position marked. */
    void showError(String statement, StatementException error) {
        grid.setVisible(false);
        messages.removeAll();
        Div box = new Div();
        box.setId("query-error");
        box.addClassName("query-error");
        Pre message = new Pre("ERROR:  " + error.getMessage()
                + (error.detail() != null ? "\nDETAIL:  " + error.detail() : "")
                + (error.hint() != null ? "\nHINT:  " + error.hint() : ""));
        message.addClassName("query-error-message");
        box.add(message);
        ErrorPosition.of(statement, error.position()).ifPresent(position -> {
            Pre marked = new Pre();
            marked.addClassName("query-error-statement");
            Span at = new Span(statement.substring(position.start(), position.end()));
            at.addClassName("query-error-at");
            at.setId("query-error-at");
            marked.add(new Span(statement.substring(0, position.start())), at, new Span(statement.substring(position.end())));
            box.add(marked);
        });
        messages.add(box);
        setStatus("failed", VaadinIcon.CLOSE_CIRCLE, "Query failed" + (error.getSQLState() != null ? " (SQLSTATE "
                + error.getSQLState() + ")" : ""), null);
    }

    /** A problem before any statement ran (the connection), explained by {@code explanation}. */
    void showProblem(Component explanation) {
        grid.setVisible(false);
        messages.removeAll();
        explanation.getElement().getClassList().add("query-error");
        messages.add(explanation);
        setStatus("failed", VaadinIcon.CLOSE_CIRCLE, "Not connected", null);
    }

    private void setStatus(String state, VaadinIcon icon, String summary, String duration) {
        status.removeAll();
        Span text = new Span(summary);
        text.setId("query-summary");
        status.add(icon.create(), text);
        if (duration != null) {
            Span time = new Span(duration);
            time.setId("query-duration");
            time.addClassName("query-duration");
            status.add(time);
        }
        status.getElement().setAttribute("state", state);
    }

    private void columns(List<ResultColumn> columns) {
        grid.removeAllColumns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            ResultColumn column = columns.get(i);
            grid.addColumn(LitRenderer.<List<String>>of("<span class=${item.isNull ? 'sql-null' : 'sql-value'}>${item.text}</span>")
                            .withProperty("text", row -> row.get(index) == null ? "NULL" : row.get(index))
                            .withProperty("isNull", row -> row.get(index) == null))
                    .setHeader(header(column)).setAutoWidth(true).setResizable(true);
        }
    }

    private static Component header(ResultColumn column) {
        Span name = new Span(column.name());
        Span type = new Span(column.type());
        type.addClassName("query-column-type");
        return new Span(name, type);
    }
}
