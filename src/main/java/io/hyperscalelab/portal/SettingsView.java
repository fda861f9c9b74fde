package io.hyperscalelab.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.hyperscalelab.cluster.ActiveCluster;
import io.hyperscalelab.cluster.CitusHealth;
import io.hyperscalelab.cluster.ClusterKind;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Portal settings: which cluster the server groups live on, and the health of the configured
 * real Citus cluster (its versions and workers), or what keeps it from being used while the
 * embedded cluster serves instead. "Check again" looks at the Citus cluster anew, off the UI thread.
 */
@Route(value = "settings", layout = PortalLayout.class)
@PageTitle("Portal settings - Microsoft Azure")
@PermitAll
public class SettingsView extends Blade {

    static final String TITLE = "Portal settings";
    private static final DateTimeFormatter CHECKED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ActiveCluster cluster;
    private final Button check = command("Check again", VaadinIcon.REFRESH);
    private final Div body = new Div();

    public SettingsView(ActiveCluster cluster) {
        super(TITLE, "Hyperscale Lab", List.of(Crumb.home()));
        this.cluster = cluster;
        addClassName("settings-view");
        setTitleIcon(VaadinIcon.COG.create());
        check.setId("citus-check");
        check.addClickListener(click -> checkAgain());
        content().add(body);
        show();
    }

    private void show() {
        body.removeAll();
        ClusterKind kind = cluster.kind();
        Span backend = new Span(kind == ClusterKind.REAL_CITUS ? "Real Citus cluster" : "Embedded cluster (on this machine)");
        backend.setId("cluster-in-use");
        Div inUse = new Div(new Span("Server groups live on"), backend);
        inUse.addClassName("review-row");
        body.add(new H2("Cluster"), inUse);
        cluster.citusHealth().ifPresentOrElse(this::showCitus, () -> {
            setCommands();
            Paragraph none = new Paragraph("No real Citus cluster is configured. To keep server groups on one, set "
                    + "hyperscale.citus.url (environment: HYPERSCALE_CITUS_URL) to its coordinator and restart the portal; the "
                    + "README's \"Run on real Citus\" starts one with Docker.");
            none.setId("citus-not-configured");
            body.add(none);
        });
    }

    private void showCitus(CitusHealth health) {
        setCommands(check);
        body.add(new H2("Citus cluster (hyperscale.citus.url)"), Blade.detail("Coordinator", health.endpoint()));
        Span status = new Span(health.healthy() ? "Connected" : "Cannot be used");
        status.setId("citus-status");
        status.addClassName(health.healthy() ? "status-available" : "status-failed");
        Div statusRow = new Div(new Span("Status"), status);
        statusRow.addClassName("review-row");
        body.add(statusRow, Blade.detail("Last checked", CHECKED.format(health.checkedAt())));
        if (!health.healthy()) {
            Div problem = new Div(VaadinIcon.EXCLAMATION_CIRCLE.create(), new Span(health.problem()));
            problem.setId("citus-problem");
            problem.addClassNames("banner", "banner-error");
            Paragraph fallback = new Paragraph("The embedded cluster serves the portal meanwhile. Fix the URL or the "
                    + "cluster, then check again (a new URL needs a restart of the portal).");
            body.add(problem, fallback);
            return;
        }
        body.add(Blade.detail("Citus", health.citusVersion() + (health.citusBuild() == null ? "" : " (" + health.citusBuild() + ")")),
                Blade.detail("PostgreSQL", health.postgresVersion()),
                Blade.detail("Worker nodes", health.workers().size() + " (" + health.workers().stream()
                        .filter(CitusHealth.Worker::active).count() + " active)"));
        Grid<CitusHealth.Worker> workers = Blade.table("citus-workers");
        workers.addColumn(CitusHealth.Worker::nodeId).setHeader("Node id");
        workers.addColumn(w -> w.host() + ":" + w.port()).setHeader("Host");
        workers.addColumn(w -> w.active() ? "Active" : "Inactive").setHeader("Status");
        workers.setItems(health.workers());
        body.add(workers);
        if (health.workers().isEmpty()) {
            body.add(new Paragraph("The coordinator has no workers: every shard stays on the coordinator. Add workers with "
                    + "SELECT citus_add_node('host', 5432)."));
        }
    }

    private void checkAgain() {
        UI ui = UI.getCurrent();
        check.setEnabled(false);
        CompletableFuture.runAsync(cluster::check).whenComplete((done, error) -> ui.access(() -> {
            check.setEnabled(true);
            show();
            if (error != null) {
                body.add(new Paragraph("The check failed: " + error.getMessage()));
            }
        }));
    }
}
