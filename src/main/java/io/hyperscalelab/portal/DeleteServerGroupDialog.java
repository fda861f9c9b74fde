package io.hyperscalelab.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** Delete's confirmation: the learner types the server group's name before the final Delete. */
final class DeleteServerGroupDialog extends Dialog {

    DeleteServerGroupDialog(String group, Runnable delete) {
        setHeaderTitle("Delete server group");
        setId("delete-dialog");
        TextField confirmation = new TextField("Confirm the server group name");
        confirmation.setId("delete-confirm-name");
        confirmation.setManualValidation(true);
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        confirmation.setWidthFull();
        Button deleteButton = new Button("Delete");
        deleteButton.setId("delete-confirm");
        deleteButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        deleteButton.setEnabled(false);
        confirmation.addValueChangeListener(event -> {
            boolean matches = group.equals(event.getValue());
            deleteButton.setEnabled(matches);
            confirmation.setInvalid(!matches && !event.getValue().isEmpty());
            confirmation.setErrorMessage(matches ? null : "The name doesn't match the server group name '" + group + "'.");
        });
        deleteButton.addClickListener(click -> {
            // The button is only enabled on a match; check again on the server, where it counts.
            if (group.equals(confirmation.getValue())) {
                close();
                delete.run();
            }
        });
        Button cancel = new Button("Cancel", click -> close());
        add(new Paragraph("Are you sure you want to delete '" + group + "'? The coordinator and every worker node are "
                        + "stopped and removed with all their data. This can't be undone."),
                confirmation);
        getFooter().add(cancel, deleteButton);
    }
}
