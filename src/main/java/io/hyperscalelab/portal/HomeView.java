package io.hyperscalelab.portal;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The portal's landing page; a placeholder until the real Home blade exists. */
@Route(value = "", layout = PortalLayout.class)
@PageTitle("Home - Hyperscale Lab")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView() {
        addClassName("home-view");
        add(
                new H1("Hyperscale Lab"),
                new Paragraph(
                        "Create an Azure Database for PostgreSQL Hyperscale (Citus) server group, "
                                + "the way the quickstart shows it, on a real distributed "
                                + "PostgreSQL cluster running on your own machine."));
    }
}
