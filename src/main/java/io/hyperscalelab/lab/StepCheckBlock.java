package io.hyperscalelab.lab;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.hyperscalelab.lab.check.LabStep;
import io.hyperscalelab.lab.check.StepOutcome;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A step's self-check in the guide: a mark (done, not yet, checking), the step's name, what the
 * latest check found, and "Check my work". Its {@code state} attribute says the same to tests and
 * styles: {@code done}, {@code not-yet}, {@code checking} or {@code unchecked}.
 */
class StepCheckBlock extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final GuideChecks checks;
    private final LabStep step;
    private final Span mark = new Span();
    private final Span detail = new Span();
    private final Button checkNow = new Button("Check my work");
    private Runnable stopListening;

    StepCheckBlock(GuideChecks checks, LabStep step) {
        this.checks = checks;
        this.step = step;
        setId("lab-check-" + step.id());
        addClassName("lab-check");
        mark.addClassName("lab-check-mark");
        Span title = new Span(step.title());
        title.addClassName("lab-check-title");
        detail.addClassName("lab-check-detail");
        checkNow.addClassName("lab-check-now");
        checkNow.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        checkNow.addClickListener(click -> checks.check(List.of(step.id())));
        Div text = new Div(title, detail);
        text.addClassName("lab-check-text");
        add(mark, text, checkNow);
        getElement().setAttribute("title", step.verifies());
        show();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        stopListening = checks.onChange(this::show);
        show();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (stopListening != null) {
            stopListening.run();
        }
    }

    private void show() {
        boolean checking = checks.isChecking(step.id());
        boolean done = checks.isDone(step.id());
        Optional<StepOutcome> latest = checks.latest(step.id());
        String state = checking ? "checking" : done ? "done" : latest.isPresent() ? "not-yet" : "unchecked";
        getElement().setAttribute("state", state);
        mark.removeAll();
        mark.add((done ? VaadinIcon.CHECK_CIRCLE : checking ? VaadinIcon.HOURGLASS : VaadinIcon.CIRCLE_THIN).create());
        checkNow.setEnabled(!checking);
        if (checking) {
            detail.setText("Checking your server group\u2026");
        } else if (latest.isPresent() && latest.get().result().passed()) {
            detail.setText(latest.get().result().detail());
        } else if (latest.isPresent() && done) {
            detail.setText("Done at " + TIME.format(checks.done(step.id()).orElseThrow().doneAt()) + ". Checked again: "
                    + latest.get().result().detail());
        } else if (latest.isPresent()) {
            detail.setText(latest.get().result().detail());
        } else if (done) {
            detail.setText(checks.done(step.id()).orElseThrow().detail());
        } else {
            detail.setText(step.verifies());
        }
    }
}
