package io.hyperscalelab.lab;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import io.hyperscalelab.breakdown.Measures;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.execution.Breakdown;
import io.hyperscalelab.lab.check.LabFigures;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The Conclusions' "what you did, in your own figures": the lab's tables with their shards and
 * rows, each worker's share, and the lab's queries with how and how fast they ran. Read from the
 * learner's server group each time the page is shown.
 */
class LabFiguresBlock extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final GuideChecks checks;

    LabFiguresBlock(GuideChecks checks) {
        this.checks = checks;
        setId("lab-figures");
        addClassName("lab-figures");
        add(new Paragraph("Reading your server group\u2026"));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        checks.runner().figures(checks.account()).whenComplete((figures, error) -> ui.access(() -> {
            removeAll();
            if (error != null) {
                add(new Paragraph("Your figures could not be read just now: " + error.getMessage()));
            } else {
                figures.ifPresentOrElse(this::show, () -> add(new Paragraph(
                        "Your figures appear here once your server group exists.")));
            }
            getElement().setAttribute("loaded", true);
        }));
    }

    private void show(LabFigures figures) {
        add(new H4("Your tables on " + figures.serverGroup()));
        if (figures.tables().isEmpty()) {
            add(new Paragraph("The lab's tables do not exist (any more) on your server group."));
        } else {
            NativeTable tables = table("lab-figures-tables", "Table", "Distribution column", "Shards", "Rows");
            for (LabFigures.TableFigure t : figures.tables()) {
                row(tables, t.table(), t.distributionColumn() == null ? "not distributed" : t.distributionColumn(),
                        Measures.count(t.shards()), Measures.count(t.rows()));
            }
            add(tables);
        }
        if (!figures.workers().isEmpty() && !figures.workers().get(0).shardsByTable().isEmpty()) {
            add(new H4("Shards per worker"));
            List<String> tableNames = List.copyOf(figures.workers().get(0).shardsByTable().keySet());
            String[] header = new String[tableNames.size() + 2];
            header[0] = "Worker";
            for (int i = 0; i < tableNames.size(); i++) {
                header[i + 1] = tableNames.get(i) + " shards";
            }
            header[header.length - 1] = "Rows";
            NativeTable workers = table("lab-figures-workers", header);
            for (LabFigures.WorkerFigure w : figures.workers()) {
                String[] cells = new String[header.length];
                cells[0] = w.worker();
                for (int i = 0; i < tableNames.size(); i++) {
                    cells[i + 1] = Measures.count(w.shardsByTable().get(tableNames.get(i)));
                }
                cells[cells.length - 1] = w.rows().map(Measures::count).orElse("?");
                row(workers, cells);
            }
            add(workers);
        }
        add(new H4("Your queries"));
        NativeTable queries = table("lab-figures-queries", "Query", "How it ran", "Time");
        for (LabFigures.QueryFigure q : figures.queries()) {
            Optional<RanStatement> latest = q.latest();
            if (latest.isPresent()) {
                Breakdown b = latest.get().breakdown();
                row(queries, q.query().title(), b.path().label() + ": " + Measures.tasks(b.tasks().size()) + " on "
                        + b.workers().size() + (b.workers().size() == 1 ? " worker" : " workers") + " (" + latest.get().source()
                        + ", " + TIME.format(latest.get().at()) + ")", Measures.millis(b.wallMillis()));
            } else {
                row(queries, q.query().title(), q.earlier().orElse("not run yet"), "");
            }
        }
        add(queries);
    }

    private static NativeTable table(String id, String... header) {
        NativeTable table = new NativeTable();
        table.setId(id);
        table.addClassName("lab-figures-table");
        NativeTableRow row = table.getHead().addRow();
        for (String h : header) {
            row.addHeaderCell().setText(h);
        }
        return table;
    }

    private static void row(NativeTable table, String... cells) {
        NativeTableRow row = table.getBody().addRow();
        for (String c : cells) {
            row.addDataCell().setText(c);
        }
    }
}
