package io.hyperscalelab.portal.cloudshell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The first run's "Welcome to Azure Cloud Shell": Bash or PowerShell. */
final class WelcomePanel extends Div {

    WelcomePanel(Runnable bash, Runnable powerShell) {
        addClassName("cloud-shell-welcome");
        H2 title = new H2("Welcome to Azure Cloud Shell");
        Paragraph text = new Paragraph("Select Bash or PowerShell. You can change shells any time via the environment "
                + "selector in the Cloud Shell toolbar. The most recently used environment will be the default for your "
                + "next session.");
        Div choices = new Div(choice("Bash", "cloud-shell-bash", bash), choice("PowerShell", "cloud-shell-powershell", powerShell));
        choices.addClassName("cloud-shell-shell-choices");
        add(title, text, choices);
    }

    private static Button choice(String label, String id, Runnable action) {
        Button button = new Button(label, click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("cloud-shell-shell-choice");
        button.setId(id);
        return button;
    }
}
