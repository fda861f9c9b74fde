package io.hyperscalelab.security;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import java.util.Locale;

/**
 * The account area at the right of the portal's top bar: who is signed in, in which directory, and
 * Sign out. On a first visit it also opens "Welcome to Microsoft Azure".
 */
@SpringComponent
@UIScope
public class AccountMenu extends Div {

    private final SignedInAccount signedIn;
    private final AccountRepository accounts;

    AccountMenu(SignedInAccount signedIn, AccountRepository accounts) {
        this.signedIn = signedIn;
        this.accounts = accounts;
        addClassName("account-menu");
        signedIn.get().ifPresent(this::build);
    }

    private void build(Account account) {
        Span name = new Span(account.username());
        name.addClassName("account-name");
        Span directory = new Span(DeploymentId.DOMAIN.substring(0, DeploymentId.DOMAIN.indexOf('.')).toUpperCase(Locale.ROOT));
        directory.addClassName("account-directory");
        Div label = new Div(name, directory);
        label.addClassName("account-label");
        Avatar avatar = new Avatar(account.username());
        Div root = new Div(label, avatar);
        root.addClassName("account-root");

        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        MenuItem item = menu.addItem(root);
        if (account.role() == Role.INSTRUCTOR) {
            // the instructor's pages are routed by name: this package does not know them
            item.getSubMenu().addItem("Classes", e -> getUI().ifPresent(ui -> ui.navigate("classes"))).setId("menu-classes");
        }
        item.getSubMenu().addItem("Sign out", e -> signedIn.signOut()).setId("sign-out");
        add(menu);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        signedIn.get().filter(account -> !account.welcomeSeen())
                .ifPresent(account -> new WelcomeDialog(() -> accounts.markWelcomeSeen(account.id())).open());
    }
}
