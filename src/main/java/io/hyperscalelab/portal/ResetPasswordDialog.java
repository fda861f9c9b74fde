package io.hyperscalelab.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.hyperscalelab.cluster.AdminPassword;
import java.util.Optional;

/** Reset the password: a new password for {@code citus}, checked by the same rules as the create form. */
final class ResetPasswordDialog extends Dialog {

    ResetPasswordDialog(String group, ServerGroupProvisioner provisioner) {
        setHeaderTitle("Reset the password");
        setId("reset-password-dialog");
        TextField login = new TextField("Admin username");
        login.setValue(AdminPassword.LOGIN);
        login.setReadOnly(true);
        PasswordField password = new PasswordField("Password");
        password.setId("reset-password-new");
        PasswordField confirmation = new PasswordField("Confirm password");
        confirmation.setId("reset-password-confirm");
        for (PasswordField field : new PasswordField[] {password, confirmation}) {
            field.setManualValidation(true);
            field.setValueChangeMode(ValueChangeMode.EAGER);
            field.setWidthFull();
        }
        Div result = new Div();
        result.setVisible(false);
        Runnable check = () -> {
            show(password, password.isEmpty() ? Optional.empty() : AdminPassword.problem(password.getValue(), AdminPassword.LOGIN));
            show(confirmation, confirmation.isEmpty() ? Optional.empty()
                    : ServerGroupFormRules.confirmationProblem(password.getValue(), confirmation.getValue()));
        };
        password.addValueChangeListener(event -> check.run());
        confirmation.addValueChangeListener(event -> check.run());

        Button save = new Button("Save", click -> {
            Optional<String> problem = AdminPassword.problem(password.getValue(), AdminPassword.LOGIN)
                    .or(() -> ServerGroupFormRules.confirmationProblem(password.getValue(), confirmation.getValue()));
            if (problem.isPresent()) {
                show(password, AdminPassword.problem(password.getValue(), AdminPassword.LOGIN));
                show(confirmation, ServerGroupFormRules.confirmationProblem(password.getValue(), confirmation.getValue()));
                return;
            }
            Optional<String> refused = provisioner.resetAdminPassword(group, password.getValue());
            if (refused.isEmpty()) {
                close();
                Notification.show("The password of " + AdminPassword.LOGIN + " on " + group + " was reset.");
            } else {
                result.removeAll();
                result.setClassName("banner banner-error");
                result.add(VaadinIcon.EXCLAMATION_CIRCLE.create(), new Span(refused.get()));
                result.setVisible(true);
            }
        });
        save.setId("reset-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(login, password, confirmation, result);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private static void show(PasswordField field, Optional<String> problem) {
        field.setInvalid(problem.isPresent());
        field.setErrorMessage(problem.orElse(null));
    }
}
