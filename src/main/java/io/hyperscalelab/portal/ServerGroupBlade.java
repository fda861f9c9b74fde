package io.hyperscalelab.portal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.ServerGroup;
import java.util.List;
import java.util.Optional;

/**
 * A blade of one server group ("postgres131057 - Connection strings", as the Gen-1 portal titled
 * them): the group named in the URL, the resource menu on the left and the blade's own part on the right.
 */
abstract class ServerGroupBlade extends Blade implements BeforeEnterObserver, HasDynamicTitle {

    static final String NAME = "name";
    static final String SUBTITLE = "Azure Database for PostgreSQL server group";

    protected final ServerGroups cluster;
    protected final ServerGroupResources resources;
    private final VisibleServerGroups visibleGroups;
    private final String section;
    private final Div main = new Div();
    private String groupName = "";

    static RouteParameters parameters(String group) {
        return new RouteParameters(NAME, group);
    }

    protected ServerGroupBlade(String section, ServerGroups cluster, ServerGroupResources resources,
                               VisibleServerGroups visibleGroups) {
        super(section, SUBTITLE, List.of(Crumb.home(), Crumb.serverGroups()));
        this.section = section;
        this.cluster = cluster;
        this.resources = resources;
        this.visibleGroups = visibleGroups;
        addClassName("server-group-blade");
        setTitleIcon(VaadinIcon.DATABASE.create());
        main.addClassName("resource-main");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        groupName = event.getRouteParameters().get(NAME).orElse("");
        setBladeTitle(section == null ? groupName : groupName + " - " + section);
        content().removeAll();
        main.removeAll();
        setCommands();
        // Another learner's group reads as absent: its name must not even confirm that it exists.
        Optional<ServerGroup> group = visibleGroups.find(groupName);
        if (group.isEmpty()) {
            content().add(new Paragraph("There is no server group named " + groupName + ". It may have been deleted."),
                    new RouterLink("Go to " + ServerGroupListView.TITLE, ServerGroupListView.class));
            return;
        }
        // the learner is back: a group stopped for idleness starts while the blade shows "Starting"
        cluster.touch(groupName);
        Div layout = new Div(new ResourceMenu(groupName, getClass()), main);
        layout.addClassName("resource-layout");
        content().add(layout);
        build(group.get(), resources.describe(group.get()), main);
    }

    @Override
    public String getPageTitle() {
        return groupName + (section == null ? "" : " - " + section) + " - Microsoft Azure";
    }

    protected String groupName() {
        return groupName;
    }

    /** Fills the blade's own part for an existing group. */
    protected abstract void build(ServerGroup group, ServerGroupForm details, Div main);
}
