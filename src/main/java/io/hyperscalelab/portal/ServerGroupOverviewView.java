package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.cluster.AdminPassword;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.NodeStatus;
import io.hyperscalelab.cluster.ServerGroup;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A server group's Overview: Delete and Reset the password, the essentials, and the Server group
 * nodes grid with each node's live status.
 */
@Route(value = "resource/postgresql/:name", layout = PortalLayout.class)
@PermitAll
public class ServerGroupOverviewView extends ServerGroupBlade {

    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final ServerGroupProvisioner provisioner;
    private final Grid<NodeRow> nodes = table("server-group-nodes");
    private final Span status = new Span();
    private boolean highAvailability;
    private boolean deleting;

    public ServerGroupOverviewView(ServerGroups cluster, ServerGroupResources resources, VisibleServerGroups visibleGroups,
                                   ServerGroupProvisioner provisioner, LiveUpdates liveUpdates) {
        super(null, cluster, resources, visibleGroups);
        this.provisioner = provisioner;
        addClassName("overview-view");
        status.setId("server-group-status");
        nodes.addColumn(NodeRow::name).setHeader("Name").setAutoWidth(true);
        nodes.addColumn(NodeRow::type).setHeader("Type").setAutoWidth(true);
        nodes.addComponentColumn(row -> NodeStatusBadge.of(row.status())).setHeader("Status").setAutoWidth(true);
        nodes.addColumn(row -> row.highAvailability() ? "Yes" : "No").setHeader("High availability").setAutoWidth(true);
        nodes.addColumn(NodeRow::fqdn).setHeader("Fully qualified domain name").setAutoWidth(true);
        liveUpdates.whileAttached(this, REFRESH, this::refresh);
    }

    @Override
    protected void build(ServerGroup group, ServerGroupForm details, Div main) {
        deleting = false;
        highAvailability = details.compute().highAvailability();
        Button delete = command("Delete", VaadinIcon.TRASH);
        delete.setId("delete-server-group");
        delete.addClickListener(click -> new DeleteServerGroupDialog(group.name(), this::delete).open());
        Button reset = command("Reset the password", VaadinIcon.KEY_O);
        reset.setId("reset-password");
        reset.addClickListener(click -> new ResetPasswordDialog(group.name(),
                cluster.learnerEndpoint(group.name()).username(), provisioner).open());
        setCommands(delete, reset);

        ComputeConfiguration c = details.compute();
        String coordinator = AzureNames.fqdn(AzureNames.coordinator(group.name()));
        Div left = new Div(
                essential("Resource group", resourceGroupLink(details.resourceGroup())),
                essential("Location", text(Locations.withoutGeography(details.location()))),
                essential("Subscription", text(details.subscription())),
                essential("Subscription ID", text(LabSubscription.DEFAULT.id())),
                essential("Tags", text(details.tags().isEmpty() ? "(change) Click here to add tags"
                        : details.tags().stream().map(t -> t.name() + " : " + t.value()).collect(Collectors.joining(", ")))));
        Div right = new Div(
                essential("Status", status),
                essential("Server group type", text("Hyperscale (Citus)")),
                essential("Coordinator name", text(coordinator)),
                essential("Coordinator endpoint", endpoint(group)),
                essential("Admin username", text(cluster.learnerEndpoint(group.name()).username())),
                essential("Coordinator node", text(c.coordinatorEssentials())),
                essential("Worker nodes", text(c.workerEssentials())),
                essential("PostgreSQL version", text(String.valueOf(group.postgresMajorVersion()))));
        left.addClassName("essentials-column");
        right.addClassName("essentials-column");
        Div essentials = new Div(left, right);
        essentials.addClassName("essentials");
        essentials.setId("essentials");
        main.add(new H2("Essentials"), essentials, new H2("Server group nodes"), nodes);
        refresh();
    }

    private void refresh() {
        if (!groupName().isEmpty()) {
            nodes.setItems(NodeRow.of(cluster, groupName(), highAvailability));
            status.setText(NodeRow.groupStatus(cluster, groupName()).map(NodeStatus::label).orElse("--"));
        }
    }

    private void delete() {
        if (deleting) {
            return;
        }
        deleting = true;
        String name = groupName();
        UI ui = UI.getCurrent();
        provisioner.delete(name).whenComplete((done, error) -> ui.access(() -> {
            if (error == null) {
                Notification.show("Deleted server group " + name + ".");
                // Navigating from a push would be checked without the learner's sign-in and
                // refused; a round trip through the browser runs it in a signed-in request.
                ui.getPage().executeJs("return 0").then(ignored -> ui.navigate(ServerGroupListView.class));
            } else {
                deleting = false;
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                Notification failed = Notification.show("Server group " + name + " could not be deleted: " + cause.getMessage());
                failed.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }));
        refresh();
    }

    /** Where the coordinator really listens, as in the connection strings, with the way to them. */
    private static Component endpoint(ServerGroup group) {
        Span address = new Span(ConnectionStrings.endpoint(group));
        address.setId("coordinator-endpoint");
        RouterLink strings = new RouterLink("Connection strings", ConnectionStringsView.class, parameters(group.name()));
        return new Div(address, new Span(" ("), strings, new Span(")"));
    }

    private static Component resourceGroupLink(String resourceGroup) {
        return resourceGroup.isEmpty() ? text("") : new RouterLink(resourceGroup, ServerGroupListView.class);
    }

    private static Component essential(String label, Component value) {
        Span l = new Span(label);
        l.addClassName("essential-label");
        value.getElement().getClassList().add("essential-value");
        Div row = new Div(l, value);
        row.addClassName("essential");
        return row;
    }

    private static Component text(String value) {
        return new Span(value.isEmpty() ? "--" : value);
    }
}
