package io.hyperscalelab.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.NodeStatus;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Azure Database for PostgreSQL servers": the learner's server groups, with filters. */
@Route(value = "browse/postgresql", layout = PortalLayout.class)
@PageTitle("Azure Database for PostgreSQL servers - Microsoft Azure")
@PermitAll
public class ServerGroupListView extends Blade {

    static final String TITLE = "Azure Database for PostgreSQL servers";
    static final String TYPE = "Azure Database for PostgreSQL server group";
    private static final String ALL_RESOURCE_GROUPS = "All resource groups";

    private final ServerGroups cluster;
    private final VisibleServerGroups visibleGroups;
    private final ServerGroupResources resources;
    private final TextField nameFilter = new TextField();
    private final Select<String> resourceGroupFilter = new Select<>();
    private final Span count = new Span();
    private final Grid<ServerGroupForm> grid = table("server-groups");

    public ServerGroupListView(ServerGroups cluster, VisibleServerGroups visibleGroups, ServerGroupResources resources) {
        super(TITLE, "Default Directory", List.of(Crumb.home()));
        this.cluster = cluster;
        this.visibleGroups = visibleGroups;
        this.resources = resources;
        addClassName("server-group-list-view");
        setTitleIcon(VaadinIcon.DATABASE.create());

        Button add = command("Add", VaadinIcon.PLUS);
        add.setId("add-server-group");
        add.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(DeploymentOptionsView.class)));
        Button editColumns = command("Edit columns", VaadinIcon.GRID_SMALL);
        editColumns.addClickListener(click -> Notification.show("Editing columns is not part of this lab."));
        Button refresh = command("Refresh", VaadinIcon.REFRESH);
        refresh.setId("refresh");
        refresh.addClickListener(click -> refresh());
        Button assignTags = command("Assign tags", VaadinIcon.TAG);
        assignTags.addClickListener(click -> Notification.show("Assigning tags is not part of this lab."));
        setCommands(add, editColumns, refresh, assignTags);

        Span subscriptions = new Span("Subscriptions: " + LabSubscription.DEFAULT.name());
        subscriptions.addClassName("filter-pill");
        nameFilter.setPlaceholder("Filter by name...");
        nameFilter.setAriaLabel("Filter by name");
        nameFilter.setId("name-filter");
        nameFilter.setValueChangeMode(ValueChangeMode.LAZY);
        nameFilter.addValueChangeListener(event -> refresh());
        resourceGroupFilter.setAriaLabel("Resource group");
        resourceGroupFilter.addValueChangeListener(event -> refresh());
        Div filters = new Div(subscriptions, nameFilter, resourceGroupFilter);
        filters.addClassName("list-filters");
        count.setId("item-count");

        grid.addComponentColumn(form -> new RouterLink(form.serverGroupName(), ServerGroupOverviewView.class,
                ServerGroupOverviewView.parameters(form.serverGroupName()))).setHeader("Name").setSortable(false);
        grid.addColumn(form -> TYPE).setHeader("Type");
        grid.addColumn(form -> NodeRow.groupStatus(cluster, form.serverGroupName()).map(NodeStatus::label).orElse("--"))
                .setHeader("Status");
        grid.addColumn(form -> orDashes(form.resourceGroup())).setHeader("Resource group");
        grid.addColumn(form -> orDashes(Locations.withoutGeography(form.location()))).setHeader("Location");
        grid.addColumn(ServerGroupForm::subscription).setHeader("Subscription");
        content().add(filters, count, grid);
        refresh();
    }

    private void refresh() {
        List<ServerGroupForm> all = visibleGroups.all().stream().map(resources::describe).toList();
        List<String> groups = new ArrayList<>();
        groups.add(ALL_RESOURCE_GROUPS);
        all.stream().map(ServerGroupForm::resourceGroup).filter(rg -> !rg.isEmpty()).distinct().sorted().forEach(groups::add);
        String selected = resourceGroupFilter.getValue();
        if (!groups.equals(resourceGroupFilter.getListDataView().getItems().toList())) {
            resourceGroupFilter.setItems(groups);
            resourceGroupFilter.setValue(groups.contains(selected) ? selected : ALL_RESOURCE_GROUPS);
        }
        String name = nameFilter.getValue().strip().toLowerCase(Locale.ROOT);
        List<ServerGroupForm> shown = all.stream()
                .filter(form -> form.serverGroupName().contains(name))
                .filter(form -> ALL_RESOURCE_GROUPS.equals(resourceGroupFilter.getValue())
                        || form.resourceGroup().equals(resourceGroupFilter.getValue()))
                .toList();
        grid.setItems(shown);
        count.setText(shown.size() + " items");
    }

    private static String orDashes(String value) {
        return value.isEmpty() ? "--" : value;
    }
}
