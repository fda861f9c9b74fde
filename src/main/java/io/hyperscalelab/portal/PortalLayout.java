package io.hyperscalelab.portal;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.router.RouterLayout;
import io.hyperscalelab.lab.LabPanel;
import io.hyperscalelab.portal.cloudshell.CloudShellPane;
import io.hyperscalelab.security.AccountMenu;

/**
 * The frame around every portal page: the Azure top bar, the page itself with the Cloud Shell pane
 * below it, and beside them the lab guide panel, as the hosted lab shows the portal and the guide
 * side by side. The frame outlives navigation between portal pages, and so does the Cloud Shell.
 */
public class PortalLayout extends Div implements RouterLayout {

    private final Div page = new Div();

    public PortalLayout(LabPanel labPanel, AccountMenu accountMenu, CloudShellPane cloudShell) {
        addClassName("portal-layout");
        page.addClassName("portal-page");
        Div portal = new Div(page, cloudShell);
        portal.addClassName("portal-main");
        Div body = new Div(portal, labPanel);
        body.addClassName("portal-body");
        Header bar = new Header(new PortalNavigation(cloudShell::open), accountMenu);
        bar.addClassName("portal-top-bar");
        add(bar, body);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        page.removeAll();
        if (content != null) {
            page.getElement().appendChild(content.getElement());
        }
    }
}
