package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.cluster.ServerGroups;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The page Create opens: the deployment's status from "Deployment is in progress" to "Your
 * deployment is complete" (or its failure, in the cluster's words), each node's status pushed
 * live, and Go to resource.
 */
@Route(value = "deployment/:deployment", layout = PortalLayout.class)
@PermitAll
public class DeploymentView extends Blade implements BeforeEnterObserver, HasDynamicTitle {

    static final String DEPLOYMENT = "deployment";
    static final String IN_PROGRESS = "Deployment is in progress";
    static final String COMPLETE = "Your deployment is complete";
    static final String FAILED = "Your deployment failed";
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss a");
    private static final Duration REFRESH = Duration.ofMillis(400);

    private final ServerGroupProvisioner provisioner;
    private final VisibleServerGroups visibleGroups;
    private final ServerGroups cluster;
    private final Div statusLine = new Div();
    private final Div failure = new Div();
    private final Grid<NodeRow> nodes = table("deployment-nodes");
    private final Button goToResource = new Button("Go to resource");
    private Deployment deployment;
    private Deployment.State shownState;

    static RouteParameters parameters(String deploymentName) {
        return new RouteParameters(DEPLOYMENT, deploymentName);
    }

    public DeploymentView(ServerGroupProvisioner provisioner, ServerGroups cluster, VisibleServerGroups visibleGroups,
                          LiveUpdates liveUpdates) {
        super("Deployment", "Deployment", List.of(Crumb.home()));
        this.provisioner = provisioner;
        this.visibleGroups = visibleGroups;
        this.cluster = cluster;
        addClassName("deployment-view");
        liveUpdates.whileAttached(this, REFRESH, this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get(DEPLOYMENT).orElse("");
        Optional<Deployment> found = provisioner.deployment(name).filter(visibleGroups::mayFollow);
        content().removeAll();
        if (found.isEmpty()) {
            setBladeTitle("Deployment not found");
            content().add(new Paragraph("There is no deployment named " + name + " since the portal last started. "
                    + "Server groups that were created are listed under Azure Database for PostgreSQL servers."),
                    new RouterLink("Go to Azure Database for PostgreSQL servers", ServerGroupListView.class));
            return;
        }
        deployment = found.get();
        setBladeTitle(deployment.name() + " | Overview");
        build();
    }

    @Override
    public String getPageTitle() {
        return (deployment == null ? "Deployment" : deployment.name()) + " - Microsoft Azure";
    }

    private void build() {
        statusLine.setId("deployment-status");
        statusLine.addClassName("deployment-status");
        failure.setId("deployment-error");
        failure.addClassNames("banner", "banner-error");
        failure.setVisible(false);

        ServerGroupForm form = deployment.form();
        Div details = new Div(
                detail("Deployment name", deployment.name()),
                detail("Subscription", form.subscription()),
                detail("Resource group", form.resourceGroup()),
                detail("Start time", START_TIME.format(deployment.startedAt().atZone(ZoneId.systemDefault()))),
                detail("Correlation ID", deployment.correlationId()));
        details.addClassName("deployment-details");

        nodes.addColumn(NodeRow::name).setHeader("Resource").setAutoWidth(true);
        nodes.addColumn(row -> row.type() + " node").setHeader("Type");
        nodes.addComponentColumn(row -> NodeStatusBadge.of(row.status())).setHeader("Status");

        goToResource.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        goToResource.setId("go-to-resource");
        goToResource.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ServerGroupOverviewView.class,
                ServerGroupOverviewView.parameters(deployment.serverGroupName()))));

        content().add(statusLine, details, failure,
                new H3("Deployment details"), new Paragraph("Server group " + deployment.serverGroupName()
                        + ": a coordinator and " + form.compute().workerCount() + " worker nodes."),
                nodes, new H3("Next steps"), goToResource);
        refresh();
    }

    private void refresh() {
        if (deployment == null) {
            return;
        }
        Deployment.State state = deployment.state();
        ServerGroupForm form = deployment.form();
        List<NodeRow> rows = NodeRow.of(cluster, deployment.serverGroupName(), form.compute().highAvailability());
        if (rows.isEmpty() && state == Deployment.State.IN_PROGRESS) {
            rows = NodeRow.planned(deployment.serverGroupName(), form.compute().workerCount(),
                    form.compute().highAvailability());
        }
        nodes.setItems(rows);
        if (state != shownState) {
            shownState = state;
            statusLine.removeAll();
            statusLine.add(statusIcon(state), new H2(switch (state) {
                case IN_PROGRESS -> IN_PROGRESS;
                case SUCCEEDED -> COMPLETE;
                case FAILED -> FAILED;
            }));
            failure.removeAll();
            deployment.failure().ifPresent(message -> failure.add(VaadinIcon.EXCLAMATION_CIRCLE.create(), new Span(message)));
            failure.setVisible(state == Deployment.State.FAILED);
            goToResource.setEnabled(state == Deployment.State.SUCCEEDED);
        }
    }

    private static Component statusIcon(Deployment.State state) {
        if (state == Deployment.State.IN_PROGRESS) {
            ProgressBar spinner = new ProgressBar();
            spinner.setIndeterminate(true);
            spinner.addClassName("deployment-progress");
            return spinner;
        }
        Icon icon = state == Deployment.State.SUCCEEDED ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CLOSE_CIRCLE.create();
        icon.addClassName(state == Deployment.State.SUCCEEDED ? "status-ok" : "status-failed");
        return icon;
    }
}
