package io.hyperscalelab.instructor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.hyperscalelab.classroom.NewClass;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Create a class: its name, seats, lab duration and how many seats get generated accounts now
 * (all of them unless said otherwise; the others are for learners who join with the class code). The rules are {@link NewClass}'s;
 * each problem is shown beside its field, and nothing is lost.
 */
class NewClassForm extends Div {

    private final TextField name = new TextField("Class name");
    private final IntegerField seats = new IntegerField("Seats");
    private final IntegerField minutes = new IntegerField("Lab duration (minutes)");
    private final IntegerField accountsNow = new IntegerField("Accounts to generate now");

    NewClassForm(Duration defaultDuration, Consumer<NewClass> create) {
        addClassName("new-class-form");
        name.setId("class-name");
        name.setMaxLength(NewClass.MAX_NAME);
        name.setPlaceholder("e.g. Distributed PostgreSQL, Tuesday");
        seats.setId("class-seats");
        seats.setMin(1);
        seats.setMax(NewClass.MAX_SEATS);
        seats.setStepButtonsVisible(true);
        seats.setValue(20);
        minutes.setId("class-minutes");
        minutes.setMin((int) NewClass.MIN_DURATION.toMinutes());
        minutes.setMax((int) NewClass.MAX_DURATION.toMinutes());
        minutes.setStep(15);
        minutes.setValue((int) defaultDuration.toMinutes());
        minutes.addValueChangeListener(e -> describeDuration());
        describeDuration();
        accountsNow.setId("class-accounts-now");
        accountsNow.setMin(0);
        accountsNow.setPlaceholder("One per seat");
        accountsNow.setHelperText("Empty: one per seat. The other seats are taken by learners who start the lab with the "
                + "class code.");

        Button submit = new Button("Create class", click -> {
            NewClass form = value();
            Map<NewClass.Field, String> problems = form.problems();
            show(name, problems.get(NewClass.Field.NAME));
            show(seats, problems.get(NewClass.Field.SEATS));
            show(minutes, problems.get(NewClass.Field.LAB_DURATION));
            show(accountsNow, problems.get(NewClass.Field.ACCOUNTS_NOW));
            if (problems.isEmpty()) {
                create.accept(form);
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("create-class");
        Div fields = new Div(name, seats, minutes, accountsNow);
        fields.addClassName("new-class-fields");
        add(new H2("New class"), fields, submit);
    }

    /** Clears the name for the next class; the numbers stay as they were. */
    void reset() {
        name.clear();
        name.setInvalid(false);
    }

    private NewClass value() {
        int seatCount = orZero(seats.getValue());
        return new NewClass(name.getValue(), seatCount, Duration.ofMinutes(orZero(minutes.getValue())),
                accountsNow.getValue() == null ? seatCount : accountsNow.getValue());
    }

    private void describeDuration() {
        Integer value = minutes.getValue();
        minutes.setHelperText(value == null || value <= 0 ? "" : Durations.length(Duration.ofMinutes(value)) + " from now");
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static void show(com.vaadin.flow.component.HasValidation field, String problem) {
        field.setInvalid(problem != null);
        field.setErrorMessage(problem);
    }
}
