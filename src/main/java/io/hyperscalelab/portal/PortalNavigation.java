package io.hyperscalelab.portal;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;

/**
 * The left part of the Azure top bar: the portal menu, the Microsoft Azure home link, the search
 * box and the Cloud Shell button.
 */
final class PortalNavigation extends Div {

    /** @param openCloudShell the Cloud Shell button's action */
    PortalNavigation(Runnable openCloudShell) {
        addClassName("portal-navigation");
        Button menuButton = new Button(VaadinIcon.MENU.create());
        menuButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        menuButton.addClassName("top-bar-button");
        menuButton.setAriaLabel("Show portal menu");
        menuButton.setId("portal-menu");
        ContextMenu menu = new ContextMenu(menuButton);
        menu.setOpenOnClick(true);
        menu.addItem("Home", click -> menuButton.getUI().ifPresent(ui -> ui.navigate(HomeView.class)));
        menu.addItem("Create a resource", click -> menuButton.getUI().ifPresent(ui -> ui.navigate(CreateResourceView.class)));
        menu.addItem(ServerGroupListView.TITLE, click -> menuButton.getUI().ifPresent(ui -> ui.navigate(ServerGroupListView.class)));

        RouterLink brand = new RouterLink("Microsoft Azure", HomeView.class);
        brand.addClassName("portal-brand");

        TextField search = new TextField();
        search.setPlaceholder("Search resources, services, and docs (G+/)");
        search.setAriaLabel("Search resources, services, and docs");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.addClassName("portal-search");
        search.setId("portal-search");
        search.addKeyPressListener(Key.ENTER, enter -> {
            String text = search.getValue().toLowerCase(Locale.ROOT);
            search.clear();
            search.getUI().ifPresent(ui -> {
                if (text.contains("postgres") || text.contains("citus") || text.contains("hyperscale")) {
                    ui.navigate(ServerGroupListView.class);
                } else if (text.contains("marketplace") || text.contains("create")) {
                    ui.navigate(CreateResourceView.class);
                } else {
                    Notification.show("This lab searches only for Azure Database for PostgreSQL: try 'postgresql'.");
                }
            });
        });

        Button cloudShell = new Button(VaadinIcon.TERMINAL.create());
        cloudShell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        cloudShell.addClassName("top-bar-button");
        cloudShell.setAriaLabel("Cloud Shell");
        cloudShell.setTooltipText("Cloud Shell");
        cloudShell.setId("cloud-shell");
        cloudShell.addClickListener(click -> openCloudShell.run());

        Button settings = new Button(VaadinIcon.COG.create());
        settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        settings.addClassName("top-bar-button");
        settings.setAriaLabel(SettingsView.TITLE);
        settings.setTooltipText(SettingsView.TITLE);
        settings.setId("portal-settings");
        settings.addClickListener(click -> settings.getUI().ifPresent(ui -> ui.navigate(SettingsView.class)));

        add(menuButton, brand, search, cloudShell, settings);
    }
}
