package io.hyperscalelab.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.hyperscalelab.cluster.AdminPassword;
import java.util.Optional;

/**
 * Reset the password: a new password for {@code citus}, checked by the same rules as the create
 * form, then set on every node of the group off the UI thread. The dialog stays open until the
 * cluster has answered; a refusal is shown in it, in the cluster's words, with the typed password kept.
 */
final class ResetPasswordDialog extends Dialog {

    static final String RESETTING = "Resetting the password...";
    static final String RESET = "Successfully reset the password";

    private final String group;
    private final String username;
    private final ServerGroupProvisioner provisioner;
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField confirmation = new PasswordField("Confirm password");
    private final Div result = new Div();
    private final Button save = new Button("Save");
    private final Button cancel = new Button("Cancel", click -> close());

    ResetPasswordDialog(String group, String username, ServerGroupProvisioner provisioner) {
        this.group = group;
        this.username = username;
        this.provisioner = provisioner;
        setHeaderTitle("Reset the password");
        setId("reset-password-dialog");
        TextField login = new TextField("Admin username");
        login.setValue(username);
        login.setReadOnly(true);
        password.setId("reset-password-new");
        confirmation.setId("reset-password-confirm");
        for (PasswordField field : new PasswordField[] {password, confirmation}) {
            field.setManualValidation(true);
            field.setValueChangeMode(ValueChangeMode.EAGER);
            field.setWidthFull();
            field.addValueChangeListener(event -> check());
        }
        result.setId("reset-password-result");
        result.setVisible(false);
        save.setId("reset-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        add(login, password, confirmation, result);
        getFooter().add(cancel, save);
    }

    private void check() {
        show(password, password.isEmpty() ? Optional.empty() : passwordProblem());
        show(confirmation, confirmation.isEmpty() ? Optional.empty() : confirmationProblem());
    }

    private void save() {
        if (passwordProblem().or(this::confirmationProblem).isPresent()) {
            show(password, passwordProblem());
            show(confirmation, confirmationProblem());
            return;
        }
        setWorking(true);
        result.setVisible(false);
        PortalNotification notification = PortalNotification.inProgress(RESETTING,
                "Resetting the password of " + username + " on server group " + group + ".");
        UI ui = UI.getCurrent();
        provisioner.resetAdminPassword(group, password.getValue()).whenComplete((done, error) -> ui.access(() -> {
            setWorking(false);
            if (error == null) {
                notification.succeeded(RESET, "The password of " + username + " on server group " + group
                        + " was reset on every node.");
                close();
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                notification.failed("Failed to reset the password", cause.getMessage());
                result.removeAll();
                result.setClassName("banner banner-error");
                result.add(VaadinIcon.EXCLAMATION_CIRCLE.create(), new Span(cause.getMessage()));
                result.setVisible(true);
            }
        }));
    }

    // While the nodes change their password: no second Save, no closing halfway.
    private void setWorking(boolean working) {
        save.setEnabled(!working);
        cancel.setEnabled(!working);
        password.setReadOnly(working);
        confirmation.setReadOnly(working);
        setCloseOnEsc(!working);
        setCloseOnOutsideClick(!working);
    }

    private Optional<String> passwordProblem() {
        return AdminPassword.problem(password.getValue(), AdminPassword.LOGIN);
    }

    private Optional<String> confirmationProblem() {
        return ServerGroupFormRules.confirmationProblem(password.getValue(), confirmation.getValue());
    }

    private static void show(PasswordField field, Optional<String> problem) {
        field.setInvalid(problem.isPresent());
        field.setErrorMessage(problem.orElse(null));
    }
}
