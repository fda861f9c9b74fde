package io.hyperscalelab.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The four-square Microsoft logo and word mark at the top of every sign-in card, drawn in CSS. */
final class MicrosoftLogo extends Div {

    MicrosoftLogo() {
        addClassName("ms-logo");
        Div squares = new Div(new Span(), new Span(), new Span(), new Span());
        squares.addClassName("ms-logo-squares");
        add(squares, new Span("Microsoft"));
        getElement().setAttribute("aria-label", "Microsoft");
    }
}
