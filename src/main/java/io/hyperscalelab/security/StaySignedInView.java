package io.hyperscalelab.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * "Stay signed in?", asked once the password was accepted. Yes issues a persistent remember-me
 * login (the browser stays signed in after it is closed); No keeps the session cookie only. With
 * "Don't show this again" the answer is kept on the account and applied at later sign-ins.
 */
@Route(value = StaySignedInView.ROUTE, layout = SignInLayout.class)
@PageTitle("Sign in to your account")
@PermitAll
public class StaySignedInView extends Div {

    public static final String ROUTE = "login/stay-signed-in";

    private final SignedInAccount signedIn;
    private final AccountRepository accounts;
    private final StaySignedIn staySignedIn;
    private final VaadinDefaultRequestCache requestCache;
    private final Checkbox dontShowAgain = new Checkbox("Don't show this again");

    StaySignedInView(SignedInAccount signedIn, AccountRepository accounts, StaySignedIn staySignedIn,
                     VaadinDefaultRequestCache requestCache) {
        this.signedIn = signedIn;
        this.accounts = accounts;
        this.staySignedIn = staySignedIn;
        this.requestCache = requestCache;
        addClassName("sign-in-view");
        Account account = signedIn.require();

        Div identity = new Div(account.username());
        identity.addClassName("sign-in-identity-text");
        Paragraph why = new Paragraph("Do this to reduce the number of times you are asked to sign in.");
        dontShowAgain.addClassName("dont-show-again");
        Button no = new Button("No", e -> answer(false));
        no.addClassName("ms-button");
        no.setId("stay-signed-in-no");
        Button yes = SignInView.primary("Yes");
        yes.setId("stay-signed-in-yes");
        yes.addClickListener(e -> answer(true));
        Div buttons = new Div(no, yes);
        buttons.addClassName("sign-in-buttons");
        add(new MicrosoftLogo(), identity, new H1("Stay signed in?"), why, dontShowAgain, buttons);
    }

    private void answer(boolean stay) {
        Account account = signedIn.require();
        if (dontShowAgain.getValue()) {
            accounts.rememberStaySignedIn(account.id(), stay);
        }
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        HttpServletResponse response = VaadinServletResponse.getCurrent().getHttpServletResponse();
        if (stay) {
            staySignedIn.remember(request, response, SecurityContextHolder.getContext().getAuthentication());
        }
        SavedRequest wanted = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        UI.getCurrent().getPage().setLocation(wanted == null ? "/" : wanted.getRedirectUrl());
    }
}
