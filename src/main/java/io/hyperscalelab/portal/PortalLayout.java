package io.hyperscalelab.portal;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.router.RouterLayout;
import io.hyperscalelab.lab.LabPanel;
import io.hyperscalelab.security.AccountMenu;

/**
 * The frame around every portal page: the Azure top bar, the page itself, and beside it the lab
 * guide panel, as the hosted lab shows the portal and the guide side by side.
 */
public class PortalLayout extends Div implements RouterLayout {

    private final Div page = new Div();

    public PortalLayout(LabPanel labPanel, AccountMenu accountMenu) {
        addClassName("portal-layout");
        page.addClassName("portal-page");
        Div body = new Div(page, labPanel);
        body.addClassName("portal-body");
        Header bar = topBar();
        bar.add(accountMenu);
        add(bar, body);
    }

    private static Header topBar() {
        Header bar = new Header(new PortalNavigation());
        bar.addClassName("portal-top-bar");
        return bar;
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        page.removeAll();
        if (content != null) {
            page.getElement().appendChild(content.getElement());
        }
    }
}
