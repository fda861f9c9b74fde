package io.hyperscalelab.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Microsoft's sign-in, step by step on one page: "Pick an account" (the accounts this browser has
 * used), or the e-mail page with Next, then the password page. The password page is a plain HTML
 * form posted to Spring Security ({@code /login/password}) with the CSRF token, as a browser signs
 * in anywhere; a refusal comes back here with {@code ?error=...&login_hint=<account>}.
 */
@Route(value = SignInView.ROUTE, layout = SignInLayout.class)
@PageTitle("Sign in to your account")
@AnonymousAllowed
public class SignInView extends Div implements BeforeEnterObserver {

    public static final String ROUTE = "login";
    /**
     * Where the password form posts. Not {@code /login} itself: Vaadin exempts its login view's
     * path from CSRF checks, and the password must only be accepted with the page's CSRF token.
     */
    static final String PASSWORD_POST = "login/password";

    private final AccountRepository accounts;
    private final KnownAccounts knownAccounts;
    private final AuthenticationContext authentication;

    SignInView(AccountRepository accounts, KnownAccounts knownAccounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.knownAccounts = knownAccounts;
        this.authentication = authentication;
        addClassName("sign-in-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        QueryParameters query = event.getLocation().getQueryParameters();
        Optional<String> hint = query.getSingleParameter("login_hint").map(Usernames::normalize)
                .filter(name -> accounts.findByUsername(name).isPresent());
        Optional<SignInError> error = query.getSingleParameter("error").flatMap(SignInError::of);
        List<String> known = knownAccounts().stream().filter(name -> accounts.findByUsername(name).isPresent()).toList();
        if (hint.isPresent()) {
            showPassword(hint.get(), error.map(SignInError::message).orElse(null), !known.isEmpty());
        } else if (!known.isEmpty()) {
            showPicker(known);
        } else {
            showEmail(false);
        }
    }

    private List<String> knownAccounts() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? List.of() : knownAccounts.read(request.getCookies());
    }

    private void showPicker(List<String> known) {
        Div list = new Div();
        list.addClassName("account-list");
        for (String username : known) {
            list.add(tile(VaadinIcon.USER.create(), username, () -> showPassword(username, null, true)));
        }
        list.add(tile(VaadinIcon.PLUS_CIRCLE_O.create(), "Use another account", () -> showEmail(true)));
        show(new H1("Pick an account"), list);
    }

    private static Component tile(Component icon, String text, Runnable action) {
        Button tile = new Button(new Span(icon, new Span(text)));
        tile.addClassName("account-tile");
        tile.addClickListener(e -> action.run());
        return tile;
    }

    private void showEmail(boolean canGoBack) {
        TextField email = new TextField();
        email.setPlaceholder("Email, phone, or Skype");
        email.setAriaLabel("Enter your email, phone, or Skype.");
        email.setId("sign-in-email");
        email.addClassName("ms-input");
        email.setWidthFull();
        email.focus();
        Div error = errorBox(null);
        Paragraph noAccount = new Paragraph("No account? Select Start the lab on Environment Details, to the right.");
        noAccount.addClassName("sign-in-hint");
        Button next = primary("Next");
        next.setId("sign-in-next");
        next.addClickShortcut(Key.ENTER);
        next.addClickListener(e -> {
            Optional<String> problem = Usernames.problem(email.getValue());
            if (problem.isPresent()) {
                setError(error, problem.get());
            } else if (accounts.findByUsername(email.getValue()).isEmpty()) {
                setError(error, SignInMessages.UNKNOWN_ACCOUNT);
            } else {
                showPassword(Usernames.normalize(email.getValue()), null, canGoBack);
            }
        });
        Div buttons = new Div();
        buttons.addClassName("sign-in-buttons");
        if (canGoBack) {
            Button back = new Button("Back", e -> showPicker(knownAccounts()));
            back.addClassName("ms-button");
            buttons.add(back);
        }
        buttons.add(next);
        show(new H1("Sign in"), error, email, noAccount, buttons);
    }

    private void showPassword(String username, String message, boolean canGoBack) {
        Button identity = new Button(username, VaadinIcon.ARROW_LEFT.create(), e -> {
            if (canGoBack) {
                showPicker(knownAccounts());
            } else {
                showEmail(false);
            }
        });
        identity.addClassName("sign-in-identity");
        show(identity, new H1("Enter password"), errorBox(message), passwordForm(username));
    }

    // A real form, so the browser posts the password itself (and offers to save it).
    private static Component passwordForm(String username) {
        Div form = new Div();
        Element element = new Element("form");
        element.setAttribute("method", "post");
        element.setAttribute("action", PASSWORD_POST);
        element.setAttribute("class", "password-form");
        element.appendChild(hidden("username", username));
        csrfToken().ifPresent(token -> element.appendChild(hidden(token.getParameterName(), token.getToken())));
        Element password = new Element("input");
        password.setAttribute("type", "password");
        password.setAttribute("name", "password");
        password.setAttribute("id", "sign-in-password");
        password.setAttribute("placeholder", "Password");
        password.setAttribute("aria-label", "Enter the password for " + username);
        password.setAttribute("autocomplete", "current-password");
        password.setAttribute("required", true);
        password.setAttribute("autofocus", true);
        password.setAttribute("class", "ms-native-input");
        element.appendChild(password);
        Element forgot = new Element("p");
        forgot.setAttribute("class", "sign-in-hint");
        forgot.setText("Forgot my password? It is on Environment Details, to the right.");
        element.appendChild(forgot);
        Element submit = new Element("button");
        submit.setAttribute("type", "submit");
        submit.setAttribute("id", "sign-in-submit");
        submit.setAttribute("class", "ms-native-button");
        submit.setText("Sign in");
        Element buttons = new Element("div");
        buttons.setAttribute("class", "sign-in-buttons");
        buttons.appendChild(submit);
        element.appendChild(buttons);
        form.getElement().appendChild(element);
        return form;
    }

    private static Optional<CsrfToken> csrfToken() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? Optional.empty()
                : Optional.ofNullable((CsrfToken) request.getHttpServletRequest().getAttribute(CsrfToken.class.getName()));
    }

    private static Element hidden(String name, String value) {
        Element input = new Element("input");
        input.setAttribute("type", "hidden");
        input.setAttribute("name", name);
        input.setAttribute("value", value);
        return input;
    }

    static Button primary(String text) {
        Button button = new Button(text);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.addClassName("ms-button");
        return button;
    }

    private static Div errorBox(String message) {
        Div error = new Div();
        error.addClassName("sign-in-error");
        error.getElement().setAttribute("role", "alert");
        setError(error, message);
        return error;
    }

    private static void setError(Div error, String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }

    private void show(Component... content) {
        removeAll();
        add(new MicrosoftLogo());
        add(content);
    }
}
