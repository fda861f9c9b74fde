package io.hyperscalelab.instructor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.hyperscalelab.classroom.Classroom;

/**
 * "End the class": as Azure's Delete, it asks for the class's name to be typed before it stops and
 * deletes every learner's server group.
 */
class EndClassDialog extends Dialog {

    EndClassDialog(Classroom classroom, Runnable end) {
        setHeaderTitle("End " + classroom.name() + "?");
        add(new Paragraph("Every server group of this class's learners is stopped and deleted, with its data. The lab "
                + "time ends now. This cannot be undone."));
        TextField name = new TextField("Type the class name to confirm");
        name.setId("end-class-name");
        name.setWidthFull();
        name.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = new Button("End the class", click -> {
            close();
            end.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("confirm-end-class");
        confirm.setEnabled(false);
        name.addValueChangeListener(e -> confirm.setEnabled(e.getValue().strip().equals(classroom.name())));
        add(name);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
    }
}
