package io.hyperscalelab.portal;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** "Select Azure Database for PostgreSQL deployment option": the Single server and Hyperscale (Citus) cards. */
@Route(value = "create/Microsoft.PostgreSQLServer", layout = PortalLayout.class)
@PageTitle("Select Azure Database for PostgreSQL deployment option - Microsoft Azure")
@PermitAll
public class DeploymentOptionsView extends Blade {

    static final String TITLE = "Select Azure Database for PostgreSQL deployment option";

    public DeploymentOptionsView() {
        super(TITLE, "Microsoft", List.of(Crumb.home(), Crumb.newResource()));
        addClassName("deployment-options-view");
        Div cards = new Div(
                card("single-server", "Single server", "Best for broad range of traditional transactional workloads.",
                        "Enterprise ready, fully managed community PostgreSQL server with up to 64 vCores, optional "
                                + "geospatial support, full-text search and more.",
                        click -> singleServerDialog().open(),
                        "https://learn.microsoft.com/azure/postgresql/single-server/overview-single-server"),
                card("hyperscale", "Hyperscale (Citus) server group", "Best for ultra-high performance and data needs beyond 100GB.",
                        "Ideal for multi-tenant applications and real-time analytical workloads that need sub-second "
                                + "response. Supports both transactional/operational workloads and hybrid transactional "
                                + "analytics workloads.",
                        click -> click.getSource().getUI().ifPresent(ui -> ui.navigate(ServerGroupCreateView.class)),
                        "https://learn.microsoft.com/azure/cosmos-db/postgresql/introduction"));
        cards.addClassName("deployment-cards");
        content().add(new H2("How do you plan to use the service?"), cards);
    }

    private static Component card(String id, String title, String bestFor, String description,
                                  ComponentEventListener<ClickEvent<Button>> onCreate,
                                  String learnMore) {
        Div icon = new Div(VaadinIcon.DATABASE.create());
        icon.addClassNames("offer-icon", "service-postgres");
        Paragraph best = new Paragraph(bestFor);
        best.addClassName("card-best-for");
        Button create = new Button("Create", onCreate);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId(id + "-create");
        Anchor learn = new Anchor(learnMore, "Learn more", AnchorTarget.BLANK);
        Div actions = new Div(create, learn);
        actions.addClassName("card-actions");
        Div card = new Div(icon, new H3(title), best, new Paragraph(description), actions);
        card.addClassName("deployment-card");
        card.setId(id + "-card");
        return card;
    }

    private static Dialog singleServerDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Single server is not part of this lab");
        dialog.add(new Paragraph("This lab creates a Hyperscale (Citus) server group: a coordinator and worker nodes "
                + "that spread your tables across servers. Choose Create on the Hyperscale (Citus) server group card."));
        Button close = new Button("OK", click -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        return dialog;
    }
}
