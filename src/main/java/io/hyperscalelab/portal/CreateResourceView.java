package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

/** "+ Create a resource": Home > New, with the Marketplace search, its categories and Featured offers. */
@Route(value = "create", layout = PortalLayout.class)
@PageTitle("New - Microsoft Azure")
@PermitAll
public class CreateResourceView extends Blade {

    private final Div categories = new Div();
    private final Div featured = new Div();
    private final List<Span> categoryItems = new ArrayList<>();

    public CreateResourceView() {
        super("New", null, List.of(Crumb.home()));
        addClassName("create-resource-view");
        TextField search = new TextField();
        search.setPlaceholder("Search the Marketplace");
        search.setAriaLabel("Search the Marketplace");
        search.setId("marketplace-search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addClassName("marketplace-search");
        search.addValueChangeListener(event -> {
            if (event.getValue().isBlank()) {
                showCategory(Marketplace.GET_STARTED);
            } else {
                showResults(event.getValue());
            }
        });

        categories.addClassName("marketplace-categories");
        categories.add(columnHeader("Azure Marketplace"));
        for (String category : Marketplace.CATEGORIES) {
            Span item = new Span(category);
            item.addClassName("marketplace-category");
            item.getElement().setAttribute("role", "button");
            item.getElement().setAttribute("tabindex", "0");
            item.addClickListener(click -> {
                search.clear();
                showCategory(category);
            });
            item.getElement().addEventListener("keydown", key -> showCategory(category)).setFilter("event.key === 'Enter'");
            categoryItems.add(item);
            categories.add(item);
        }
        featured.addClassName("marketplace-featured");
        Div columns = new Div(categories, featured);
        columns.addClassName("marketplace-columns");
        content().add(search, columns);
        showCategory(Marketplace.GET_STARTED);
    }

    private void showCategory(String category) {
        categoryItems.forEach(item -> item.getElement().getClassList().set("selected", item.getText().equals(category)));
        featured.removeAll();
        featured.add(columnHeader("Featured"));
        List<Marketplace.Offer> offers = Marketplace.featured(category);
        if (offers.isEmpty()) {
            featured.add(new Paragraph("The offers in " + category + " are not part of this lab. "
                    + "The lab's server group is under Databases."));
        }
        offers.forEach(offer -> featured.add(offer(offer)));
    }

    private void showResults(String text) {
        categoryItems.forEach(item -> item.getElement().getClassList().remove("selected"));
        featured.removeAll();
        featured.add(new H2("Results"));
        List<Marketplace.Offer> offers = Marketplace.search(text);
        if (offers.isEmpty()) {
            featured.add(new Paragraph("No results were found for '" + text.strip() + "'. Try 'PostgreSQL'."));
        }
        offers.forEach(offer -> featured.add(offer(offer)));
    }

    private static Component offer(Marketplace.Offer offer) {
        Div icon = new Div(offer.icon().create());
        icon.addClassNames("offer-icon", offer.inLab() ? "service-postgres" : "service-sql");
        RouterLink name = offer.inLab()
                ? new RouterLink(offer.label(), DeploymentOptionsView.class)
                : new RouterLink(offer.label(), NotInLabView.class, NotInLabView.parameters(offer.slug()));
        name.addClassName("offer-name");
        Span link = new Span(offer.link());
        link.addClassName("offer-link");
        Div text = new Div(name, link);
        text.addClassName("offer-text");
        Div item = new Div(icon, text);
        item.addClassName("marketplace-offer");
        return item;
    }

    private static Component columnHeader(String title) {
        Div header = new Div(new H2(title));
        Span seeAll = new Span("See all");
        seeAll.addClassName("see-all");
        header.add(seeAll);
        header.addClassName("column-header");
        return header;
    }
}
