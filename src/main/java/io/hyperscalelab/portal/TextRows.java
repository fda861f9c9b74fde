package io.hyperscalelab.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Azure's editable grid of text rows (firewall rules, tags): typing in the empty last row adds a
 * new empty row below it, and each filled row has a delete button. A row's problems show once the
 * learner has touched that row, or all at once after {@link #showAll}; so do the green checks of
 * its valid cells.
 */
final class TextRows extends Div {

    private final String idPrefix;
    private final List<String> headers;
    private final String fixedColumn;
    private final Runnable onChange;
    private final List<Row> rows = new ArrayList<>();
    private final Div body = new Div();
    private boolean showAll;

    private final class Row extends Div {
        final List<TextField> cells = new ArrayList<>();
        final List<Icon> checks = new ArrayList<>();
        final Button delete = new Button(VaadinIcon.TRASH.create());
        boolean touched;

        Row() {
            addClassName("text-rows-row");
            for (String header : headers) {
                TextField cell = new TextField();
                cell.setAriaLabel(header);
                cell.setManualValidation(true);
                cell.setValueChangeMode(ValueChangeMode.EAGER);
                cell.addValueChangeListener(event -> {
                    if (event.isFromClient()) {
                        touched = true;
                        edited(this);
                    }
                });
                cell.addBlurListener(blur -> {
                    if (!isBlank()) {
                        touched = true;
                        onChange.run();
                    }
                });
                Icon check = VaadinIcon.CHECK.create();
                check.addClassName("valid-check");
                check.setVisible(false);
                cell.setSuffixComponent(check);
                checks.add(check);
                cells.add(cell);
                add(cell);
            }
            if (fixedColumn != null) {
                Span fixed = new Span(fixedColumn);
                fixed.addClassName("text-rows-fixed");
                add(fixed);
            }
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            delete.setAriaLabel("Delete");
            delete.addClickListener(click -> removeRow(this));
            add(delete);
        }

        boolean isBlank() {
            return cells.stream().allMatch(c -> c.getValue().isBlank());
        }

        List<String> values() {
            return cells.stream().map(TextField::getValue).toList();
        }
    }

    /**
     * @param fixedColumn text of a last, read-only column (the Tags grid's "Resource"), or null
     */
    TextRows(String idPrefix, List<String> headers, String fixedColumn, Runnable onChange) {
        this.idPrefix = idPrefix;
        this.headers = List.copyOf(headers);
        this.fixedColumn = fixedColumn;
        this.onChange = onChange;
        addClassName("text-rows");
        setId(idPrefix);
        // the input row, whose delete button is hidden, keeps its cells under their headers
        getStyle().set("--text-rows-columns", String.valueOf(headers.size() + (fixedColumn == null ? 0 : 1)));
        Div head = new Div();
        head.addClassNames("text-rows-row", "text-rows-header");
        headers.forEach(h -> head.add(new Span(h)));
        if (fixedColumn != null) {
            head.add(new Span("Resource"));
        }
        head.add(new Span());
        body.addClassName("text-rows-body");
        add(head, body);
        append();
    }

    /** The filled rows, in order, each a list of its cells. */
    List<List<String>> values() {
        return rows.stream().filter(r -> !r.isBlank()).map(Row::values).toList();
    }

    /** Adds a filled row above the empty last row, as "+ Add current client IP address" does. */
    void addRow(List<String> values) {
        Row row = rows.get(rows.size() - 1);
        for (int i = 0; i < values.size(); i++) {
            row.cells.get(i).setValue(values.get(i));
        }
        row.touched = true;
        edited(row);
    }

    /** Shows these rows instead (the rules in force, on Discard), untouched, above the empty row. */
    void replaceRows(List<List<String>> values) {
        rows.clear();
        body.removeAll();
        showAll = false;
        for (List<String> row : values) {
            append();
            Row filled = rows.get(rows.size() - 1);
            for (int i = 0; i < row.size(); i++) {
                filled.cells.get(i).setValue(row.get(i));
            }
        }
        append();
    }

    /** From now on every filled row shows its problems, as after Review + create. */
    void showAll() {
        showAll = true;
    }

    /** The problems of the filled rows, in the order of {@link #values()}. */
    void showProblems(List<ServerGroupFormRules.RowProblems> problems) {
        int next = 0;
        for (Row row : rows) {
            ServerGroupFormRules.RowProblems rowProblems = row.isBlank() || next >= problems.size() ? null : problems.get(next++);
            boolean shown = rowProblems != null && (row.touched || showAll);
            for (int column = 0; column < row.cells.size(); column++) {
                Optional<String> problem = shown ? rowProblems.cells().get(column) : Optional.empty();
                TextField cell = row.cells.get(column);
                cell.setInvalid(problem.isPresent());
                cell.setErrorMessage(problem.orElse(null));
                row.checks.get(column).setVisible(shown && problem.isEmpty() && !cell.getValue().isBlank());
            }
        }
    }

    private void edited(Row row) {
        if (row == rows.get(rows.size() - 1) && !row.isBlank()) {
            append();
        }
        onChange.run();
    }

    private void append() {
        Row row = new Row();
        rows.add(row);
        body.add(row);
        renumber();
    }

    private void removeRow(Row row) {
        if (row == rows.get(rows.size() - 1)) {
            row.cells.forEach(TextField::clear);
        } else {
            rows.remove(row);
            body.remove(row);
        }
        renumber();
        onChange.run();
    }

    // Ids by position, so a test or a screen reader can address "row 2, start IP".
    private void renumber() {
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int c = 0; c < row.cells.size(); c++) {
                row.cells.get(c).setId(idPrefix + "-" + r + "-" + c);
            }
            row.delete.setId(idPrefix + "-" + r + "-delete");
            row.delete.setVisible(r < rows.size() - 1);
        }
    }
}
