package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouterLink;

/**
 * The left menu of a server group's blades, as the Gen-1 portal had it. Overview, Query editor,
 * Connection strings and Networking open their blades; the other entries say they are not part of the lab.
 */
final class ResourceMenu extends Nav {

    ResourceMenu(String group, Class<? extends Component> current) {
        addClassName("resource-menu");
        setAriaLabel("Resource menu");
        add(item("Overview", VaadinIcon.HOME_O, ServerGroupOverviewView.class, group, current),
                placeholder("Activity log", VaadinIcon.LIST),
                placeholder("Tags", VaadinIcon.TAG),
                item(QueryEditorView.SECTION, VaadinIcon.CODE, QueryEditorView.class, group, current),
                heading("Settings"),
                placeholder("Configure", VaadinIcon.COG_O),
                item("Connection strings", VaadinIcon.CONNECT, ConnectionStringsView.class, group, current),
                placeholder("Coordinator node parameters", VaadinIcon.SLIDERS),
                placeholder("Worker node parameters", VaadinIcon.SLIDERS),
                placeholder("Locks", VaadinIcon.LOCK),
                heading("Security"),
                item("Networking", VaadinIcon.SHIELD, NetworkingView.class, group, current),
                heading("Support + troubleshooting"),
                placeholder("New support request", VaadinIcon.QUESTION_CIRCLE_O));
    }

    private static Component item(String label, VaadinIcon icon, Class<? extends Component> view, String group,
                                  Class<? extends Component> current) {
        RouterLink link = new RouterLink(view, ServerGroupOverviewView.parameters(group));
        link.add(icon.create(), new Span(label));
        link.addClassName("resource-menu-item");
        link.getElement().getClassList().set("selected", view == current);
        return link;
    }

    private static Component placeholder(String label, VaadinIcon icon) {
        Div item = new Div(icon.create(), new Span(label));
        item.addClassNames("resource-menu-item", "not-in-lab-item");
        item.getElement().setAttribute("role", "button");
        item.getElement().setAttribute("tabindex", "0");
        item.addClickListener(click -> Notification.show(label + " is not part of this lab."));
        return item;
    }

    private static Component heading(String text) {
        Span heading = new Span(text);
        heading.addClassName("resource-menu-heading");
        return heading;
    }
}
