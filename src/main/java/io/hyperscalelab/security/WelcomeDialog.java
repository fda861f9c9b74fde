package io.hyperscalelab.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * "Welcome to Microsoft Azure", shown after sign-in until the account has answered it once (Start
 * Tour or Maybe Later), like the portal's first-visit pop-up. Start Tour walks through a few short
 * stops and then closes.
 */
class WelcomeDialog extends Dialog {

    private record Stop(String title, String text) {
    }

    private static final List<Stop> TOUR = List.of(
            new Stop("Home", "Home lists the Azure services you use most. Select Microsoft Azure in the top bar to come back here."),
            new Stop("Create a resource", "Create a resource opens the Marketplace. Your Hyperscale (Citus) server group starts there, "
                    + "under Databases."),
            new Stop("Your lab guide", "The panel on the right is your lab: the steps in order, your credentials under "
                    + "Environment Details, and the time left."));

    private final Runnable onAnswered;

    WelcomeDialog(Runnable onAnswered) {
        this.onAnswered = onAnswered;
        addClassName("welcome-dialog");
        setCloseOnOutsideClick(false);
        setHeaderTitle("Welcome to Microsoft Azure");
        setWidth("480px");
        Paragraph intro = new Paragraph("Take a short tour of the portal to find your way around: where to start, "
                + "how to create a resource, and where your lab guide is.");
        Button start = new Button("Start Tour", e -> showStop(0));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button later = new Button("Maybe Later", e -> finish());
        add(intro);
        getFooter().add(start, later);
    }

    private void showStop(int index) {
        onAnswered.run();
        Stop stop = TOUR.get(index);
        removeAll();
        add(new H2(stop.title()), new Paragraph(stop.text()));
        getFooter().removeAll();
        boolean last = index == TOUR.size() - 1;
        Button next = new Button(last ? "Finish" : "Next", e -> {
            if (last) {
                close();
            } else {
                showStop(index + 1);
            }
        });
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Paragraph((index + 1) + " of " + TOUR.size()), next);
    }

    private void finish() {
        onAnswered.run();
        close();
    }
}
