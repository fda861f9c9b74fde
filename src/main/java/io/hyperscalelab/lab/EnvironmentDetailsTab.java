package io.hyperscalelab.lab;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.security.DeploymentId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Environment Details: the learner's credentials and the names of their resources, as the hosted
 * lab lists them, plus the coordinator's address once their server group exists. A browser
 * without a lab gets the Start the lab action instead.
 */
class EnvironmentDetailsTab extends Div {

    private final ServerGroups cluster;

    EnvironmentDetailsTab(Optional<LabSession> session, ServerGroups cluster, Function<Optional<String>, Optional<String>> startLab) {
        this.cluster = cluster;
        addClassName("environment-details");
        if (session.isEmpty()) {
            showStart(startLab);
        } else {
            showDetails(session.get());
        }
    }

    private void showStart(Function<Optional<String>, Optional<String>> startLab) {
        Paragraph intro = new Paragraph("Start the lab to get your Azure credentials and the names of your lab "
                + "resources. You then sign in to the portal with them.");
        TextField classCode = new TextField("Class code (if your instructor gave you one)");
        classCode.setId("class-code");
        classCode.addClassName("class-code");
        classCode.setMaxLength(20);
        classCode.setWidthFull();
        Div error = new Div();
        error.addClassName("lab-error");
        error.setVisible(false);
        Button start = new Button("Start the lab");
        start.addClickListener(e -> {
            String code = classCode.getValue().strip();
            startLab.apply(code.isEmpty() ? Optional.empty() : Optional.of(code)).ifPresent(problem -> {
                error.setText(problem);
                error.setVisible(true);
                start.setEnabled(true);
            });
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("start-lab");
        start.setDisableOnClick(true);
        add(new H3("Environment Details"), intro, classCode, start, error);
    }

    private void showDetails(LabSession session) {
        add(new H3("Azure Credentials"));
        add(row("Username", session.account().username(), true, "env-username"));
        // a lab without a start of its own is a class seat, whose password came on the instructor's sheet
        add(session.password().map(this::passwordRow).orElseGet(() -> note(session.startedAt().isPresent()
                ? "The password is shown in the browser that started the lab."
                : "Use the password your instructor gave you with this username.")));
        session.account().deployment().ifPresent(this::showResources);
    }

    private void showResources(DeploymentId deployment) {
        add(new H3("Lab Details"));
        add(row("Server group name", deployment.serverGroupName(), true, "env-server-group"));
        add(row("Resource group", deployment.resourceGroupName(), true, "env-resource-group"));
        Optional<ServerGroupNode> coordinator = cluster.group(deployment.serverGroupName()).map(g -> g.coordinator());
        if (coordinator.isPresent()) {
            add(row("PostgreSQL Database hostname", deployment.coordinatorDisplayName(), true, "env-coordinator"));
            String address = coordinator.get().host() + ":" + coordinator.get().port();
            add(row("Reached on this machine at", address, true, "env-coordinator-address"));
        } else {
            add(note("The coordinator's host name appears here once you have created server group "
                    + deployment.serverGroupName() + " (Exercise 1)."));
        }
    }

    private Component passwordRow(String password) {
        PasswordField field = new PasswordField();
        field.setValue(password);
        field.setReadOnly(true);
        field.setRevealButtonVisible(true);
        field.setId("env-password");
        field.addClassName("env-password");
        Div value = new Div(field, new CopyButton(password, "Copy password"));
        value.addClassName("env-value");
        return labelled("Password", value);
    }

    private static Component row(String label, String text, boolean copyable, String id) {
        Span value = new Span(text);
        value.setId(id);
        Div box = new Div(value);
        box.addClassName("env-value");
        if (copyable) {
            box.add(new CopyButton(text, "Copy " + label.toLowerCase()));
        }
        return labelled(label, box);
    }

    private static Component labelled(String label, Component value) {
        Span name = new Span(label);
        name.addClassName("env-label");
        Div row = new Div(name, value);
        row.addClassName("env-row");
        return row;
    }

    private static Component note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("env-note");
        return note;
    }
}
