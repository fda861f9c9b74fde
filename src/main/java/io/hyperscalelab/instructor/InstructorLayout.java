package io.hyperscalelab.instructor;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.instructor.demo.DemoView;
import io.hyperscalelab.portal.HomeView;
import io.hyperscalelab.security.AccountMenu;

/**
 * The frame of the instructor's pages: the portal's dark top bar with the instructor's places
 * (Classes, Demo, and the portal itself) and the account menu, then the page at full width: the
 * dashboard and the presenter screen need the room that the lab panel takes in the portal.
 */
public class InstructorLayout extends Div implements RouterLayout {

    private final Div page = new Div();

    public InstructorLayout(AccountMenu accountMenu) {
        addClassName("portal-layout");
        addClassName("instructor-layout");
        page.addClassNames("portal-page", "instructor-page");
        Span brand = new Span("Hyperscale Lab");
        brand.addClassName("portal-brand");
        Div places = new Div(brand, link("Classes", ClassesView.class, "nav-classes"), link("Demo", DemoView.class, "nav-demo"),
                link("Portal", HomeView.class, "nav-portal"));
        places.addClassName("instructor-navigation");
        Header bar = new Header(places, accountMenu);
        bar.addClassName("portal-top-bar");
        add(bar, page);
    }

    private static RouterLink link(String text, Class<? extends com.vaadin.flow.component.Component> view, String id) {
        RouterLink link = new RouterLink(text, view);
        link.addClassName("instructor-nav-link");
        link.setId(id);
        return link;
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        page.removeAll();
        if (content != null) {
            page.getElement().appendChild(content.getElement());
        }
    }
}
