package io.hyperscalelab.portal;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** What the parts of the portal that the lab does not use show instead of their blade. */
@Route(value = "not-in-lab/:service", layout = PortalLayout.class)
@PermitAll
public class NotInLabView extends Blade implements BeforeEnterObserver, HasDynamicTitle {

    static final String SERVICE = "service";

    static RouteParameters parameters(String slug) {
        return new RouteParameters(SERVICE, slug);
    }
    private String title = "Not part of this lab";

    public NotInLabView() {
        super("Not part of this lab", null, List.of(Crumb.home()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get(SERVICE).orElse("");
        title = AzureService.bySlug(slug).map(AzureService::label)
                .or(() -> Marketplace.bySlug(slug).map(Marketplace.Offer::label))
                .orElse("This service");
        setBladeTitle(title);
        content().removeAll();
        content().addClassName("not-in-lab");
        content().add(new Paragraph(title + " is not part of this lab. The lab uses Azure Database for PostgreSQL "
                        + "with a Hyperscale (Citus) server group, which runs here on your own machine."),
                new RouterLink("Create a Hyperscale (Citus) server group", DeploymentOptionsView.class),
                new Paragraph(),
                new RouterLink("Go to Azure Database for PostgreSQL servers", ServerGroupListView.class));
    }

    @Override
    public String getPageTitle() {
        return title + " - Microsoft Azure";
    }
}
