package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.ServerGroup;
import jakarta.annotation.security.PermitAll;

/** The portal's Home: the Azure services row, then the learner's recent resources. */
@Route(value = "", layout = PortalLayout.class)
@PageTitle("Home - Microsoft Azure")
@PermitAll
public class HomeView extends Div {

    public HomeView(ServerGroups cluster) {
        addClassName("home-view");
        H2 services = new H2("Azure services");
        Div row = new Div();
        row.addClassName("service-row");
        for (AzureService service : AzureService.values()) {
            row.add(tile(service));
        }
        add(services, row, recentResources(cluster));
    }

    private static Component tile(AzureService service) {
        Icon icon = service.icon().create();
        Div iconBox = new Div(icon);
        iconBox.addClassNames("service-icon", service.styleName());
        Span label = new Span(service.label());
        label.addClassName("service-label");
        RouterLink link = switch (service) {
            case CREATE_RESOURCE -> new RouterLink(CreateResourceView.class);
            case POSTGRESQL_SERVERS -> new RouterLink(ServerGroupListView.class);
            default -> new RouterLink(NotInLabView.class, NotInLabView.parameters(service.slug()));
        };
        link.add(iconBox, label);
        link.addClassName("service-tile");
        return link;
    }

    private static Component recentResources(ServerGroups cluster) {
        Div section = new Div(new H2("Recent resources"));
        section.addClassName("recent-resources");
        if (cluster.groups().isEmpty()) {
            section.add(new Span("No resources yet. Create a Hyperscale (Citus) server group to start the lab."));
            return section;
        }
        Grid<ServerGroup> grid = Blade.table("recent-resources-grid");
        grid.addComponentColumn(group -> new RouterLink(group.name(), ServerGroupOverviewView.class,
                ServerGroupOverviewView.parameters(group.name()))).setHeader("Name");
        grid.addColumn(group -> ServerGroupListView.TYPE).setHeader("Type");
        grid.setItems(cluster.groups());
        section.add(grid);
        return section;
    }
}
