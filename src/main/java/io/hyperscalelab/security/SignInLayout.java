package io.hyperscalelab.security;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import io.hyperscalelab.lab.LabPanel;

/**
 * The frame of the sign-in pages: Microsoft's sign-in card on its light background and, as in the
 * hosted lab, the lab panel beside it, whose Environment Details hold the credentials to type.
 */
public class SignInLayout extends Div implements RouterLayout {

    private final Div card = new Div();

    public SignInLayout(LabPanel labPanel) {
        addClassName("sign-in-layout");
        card.addClassName("sign-in-card");
        Div footer = new Div(new Span("Terms of use"), new Span("Privacy & cookies"), new Span("..."));
        footer.addClassName("sign-in-footer");
        Div stage = new Div(card, footer);
        stage.addClassName("sign-in-stage");
        add(stage, labPanel);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        card.removeAll();
        if (content != null) {
            card.getElement().appendChild(content.getElement());
        }
    }
}
