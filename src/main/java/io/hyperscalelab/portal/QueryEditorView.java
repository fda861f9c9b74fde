package io.hyperscalelab.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.ClusterKind;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionResult;
import io.hyperscalelab.execution.StatementException;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Query editor (preview): a statement box, Run (or Ctrl+Enter) and Cancel, the result and how the
 * statement ran across the cluster ({@link BreakdownPanel}). Statements run through the
 * distributed executor as the learner's role {@code citus}, from the portal's Azure-services
 * address, in one session per open editor ({@link QueryEditorSession}), closed when the learner
 * leaves. {@code ?sql=} fills the box; {@code ?breakdown=latest} shows how the group's latest
 * statement ran, from the Cloud Shell or here, as the lab guide links to it.
 */
@Route(value = "resource/postgresql/:name/query-editor", layout = PortalLayout.class)
@PermitAll
public class QueryEditorView extends ServerGroupBlade {

    static final String SECTION = "Query editor (preview)";
    private static final String RUN_KEYS = "(event.ctrlKey || event.metaKey) && event.key === 'Enter'";

    private final DistributedExecutor executor;
    private final BreakdownHistory history;
    private final TextArea statement = new TextArea();
    private final Button run = command("Run", VaadinIcon.PLAY);
    private final Button cancel = command("Cancel query", VaadinIcon.STOP);
    private final Select<RanStatement> recent = new Select<>();
    private final QueryResultPane result = new QueryResultPane();
    private final BreakdownPanel breakdown;
    private QueryEditorSession session;
    private String sqlParameter;
    private boolean showLatest;
    private boolean running;

    public QueryEditorView(ServerGroups cluster, ServerGroupResources resources, VisibleServerGroups visibleGroups, DistributedExecutor executor,
                           BreakdownHistory history) {
        super(SECTION, cluster, resources, visibleGroups);
        this.executor = executor;
        this.history = history;
        this.breakdown = new BreakdownPanel((sql, allTasks) -> session().explain(sql, allTasks));
        addClassName("query-editor-view");
        run.setId("query-run");
        run.addClickListener(click -> run());
        cancel.setId("query-cancel");
        cancel.setEnabled(false);
        cancel.addClickListener(click -> session().cancel());
        statement.setId("query-statement");
        statement.setLabel("Statement");
        statement.setPlaceholder("SELECT count(*) FROM github_events;");
        statement.addClassName("query-statement");
        statement.setWidthFull();
        statement.setHelperText("Ctrl+Enter runs it.");
        // The box sends its value on change (blur); Ctrl+Enter carries the value typed so far with it,
        // and only that key combination loses its default (a new line).
        statement.getElement().addEventListener("keydown", key -> {
            statement.setValue(key.getEventData().getString("element.value"));
            run();
        }).setFilter(RUN_KEYS).addEventData("element.value").addEventData("(" + RUN_KEYS + ") && event.preventDefault()");
        recent.setId("query-recent");
        recent.setLabel("Recent statements");
        recent.setEmptySelectionAllowed(false);
        recent.setWidthFull();
        recent.setItemLabelGenerator(BreakdownPanel::label);
        recent.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                breakdown.show(change.getValue());
            }
        });
        addDetachListener(detach -> closeSession());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        sqlParameter = parameters.getOrDefault("sql", List.of()).stream().findFirst().orElse(null);
        showLatest = parameters.getOrDefault("breakdown", List.of()).contains("latest");
        super.beforeEnter(event);
    }

    @Override
    protected void build(ServerGroup group, ServerGroupForm details, Div main) {
        closeSession();
        setCommands(run, cancel);
        running = false;
        run.setEnabled(true);
        cancel.setEnabled(false);
        statement.setValue(sqlParameter != null ? sqlParameter : "");
        breakdown.hide();
        refreshRecent();
        String role = cluster.learnerEndpoint(group.name()).username();
        boolean citus = cluster.kind() == ClusterKind.REAL_CITUS;
        statement.setHelperText("Ctrl+Enter runs it. Statements run as " + role + ", one at a time, "
                + (citus ? "on the Citus coordinator, which distributes them." : "through the coordinator's distributed executor."));
        Div note = citus
                ? new Div(VaadinIcon.INFO_CIRCLE_O.create(), new Span("The query editor connects to the Citus cluster as " + role
                        + ". How each statement ran comes from Citus' own EXPLAIN: a SELECT over tables runs a second time "
                        + "under EXPLAIN ANALYZE for it."))
                : new Div(VaadinIcon.INFO_CIRCLE_O.create(), new Span("The query editor connects as " + role
                        + " from Azure services (" + cluster.sourceAddresses().azureServices() + "), which the group's firewall must allow."),
                        new RouterLink("Networking", NetworkingView.class, parameters(group.name())));
        note.addClassName("info-box");
        main.add(note, statement, result, recent, breakdown);
        if (showLatest) {
            history.latest(group.name()).ifPresentOrElse(latest -> {
                recent.setValue(latest);
                breakdown.show(latest);
                if (sqlParameter == null) {
                    statement.setValue(latest.sql());
                }
            }, () -> {
                Paragraph none = new Paragraph("No query has read this server group's shards yet. Run one here or in "
                        + "Cloud Shell, and then see how it ran.");
                none.setId("query-no-history");
                main.addComponentAtIndex(1, none);
            });
        }
        statement.focus();
    }

    private void run() {
        String sql = statement.getValue();
        if (running || sql.isBlank()) {
            return;
        }
        running = true;
        run.setEnabled(false);
        cancel.setEnabled(true);
        result.running();
        UI ui = UI.getCurrent();
        String group = groupName();
        session().execute(sql).whenComplete((ran, error) -> ui.access(() -> {
            running = false;
            run.setEnabled(true);
            cancel.setEnabled(false);
            if (error == null) {
                shown(group, sql, ran);
            } else {
                failed(sql, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        }));
    }

    private void shown(String group, String sql, ExecutionResult ran) {
        result.show(ran.result(), ran.breakdown().wallMillis());
        RanStatement statementRan = new RanStatement(sql.strip(), RanStatement.QUERY_EDITOR, Instant.now(), ran.breakdown());
        history.record(group, statementRan);
        refreshRecent();
        breakdown.show(statementRan);
    }

    private void failed(String sql, Throwable error) {
        breakdown.hide();
        if (error instanceof StatementException statementError) {
            result.showError(sql, statementError);
            ErrorPosition.of(sql, statementError.position()).ifPresent(at -> statement.getElement().executeJs(
                    "const t = this.inputElement; t.focus(); t.setSelectionRange($0, $1);", at.start(), at.end()));
        } else if (error instanceof QueryEditorConnectionException refused) {
            Div explanation = new Div(new Span(refused.getMessage()));
            explanation.setId("query-connection-error");
            if (refused.firewall()) {
                explanation.add(new Span(" "), new RouterLink("Open Networking", NetworkingView.class, parameters(groupName())));
            }
            result.showProblem(explanation);
        } else {
            Div explanation = new Div(new Span("The statement could not run: " + error.getMessage()));
            explanation.setId("query-connection-error");
            result.showProblem(explanation);
        }
    }

    private void refreshRecent() {
        List<RanStatement> statements = history.recent(groupName());
        recent.setItems(statements);
        recent.setVisible(!statements.isEmpty());
        if (!statements.isEmpty()) {
            recent.setValue(statements.get(0));
        }
    }

    /** The session of the group on screen, opened when first needed (again after the editor was detached). */
    private QueryEditorSession session() {
        if (session == null) {
            session = new QueryEditorSession(cluster, executor, groupName());
        }
        return session;
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
