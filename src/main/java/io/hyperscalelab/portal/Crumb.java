package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;

/** One step of a blade's breadcrumb ("Home > New > ..."): a label and the view it leads back to. */
public record Crumb(String label, Class<? extends Component> view, RouteParameters parameters, Runnable action) {

    public static Crumb of(String label, Class<? extends Component> view) {
        return new Crumb(label, view, RouteParameters.empty(), null);
    }

    public static Crumb of(String label, Class<? extends Component> view, RouteParameters parameters) {
        return new Crumb(label, view, parameters, null);
    }

    /** A step that is not a page of its own, such as the form under its Configure pane. */
    public static Crumb action(String label, Runnable action) {
        return new Crumb(label, null, RouteParameters.empty(), action);
    }

    /** Goes to this step. */
    void follow(Component from) {
        if (action != null) {
            action.run();
        } else {
            from.getUI().ifPresent(ui -> ui.navigate(view, parameters));
        }
    }

    public static Crumb home() {
        return of("Home", HomeView.class);
    }

    public static Crumb newResource() {
        return of("New", CreateResourceView.class);
    }

    public static Crumb serverGroups() {
        return of(ServerGroupListView.TITLE, ServerGroupListView.class);
    }
}
