package io.hyperscalelab.instructor.demo;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.hyperscalelab.breakdown.BreakdownChart;
import io.hyperscalelab.instructor.InstructorLayout;
import io.hyperscalelab.security.SignedInAccount;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The presenter screen: one step of the lab at a time in large type (the code, then what it
 * printed, then how its statement ran, the breakdown chart across the whole width), Next and
 * Back (also the arrow keys and a clicker's Page Down and Page Up), Run again, and Replay, which
 * starts over on a fresh demo group. Next runs a step the first time it is shown; Back shows a
 * step as it ran.
 */
@Route(value = "demo", layout = InstructorLayout.class)
@PageTitle("Demo - Hyperscale Lab")
@RolesAllowed("INSTRUCTOR")
public class DemoView extends Div {

    private final DemoScript script;
    private final DemoRuns runs;
    private final SignedInAccount signedIn;
    private final List<DemoRun.StepResult> results = new ArrayList<>();
    private final Span position = new Span();
    private final Span page = new Span();
    private final Span status = new Span();
    private final Pre code = new Pre();
    private final Pre output = new Pre();
    private final Div chart = new Div();
    private final Button back = new Button("Back", VaadinIcon.ARROW_LEFT.create());
    private final Button next = new Button("Next", VaadinIcon.ARROW_RIGHT.create());
    private final Button again = new Button("Run again", VaadinIcon.REFRESH.create());
    private final Button replay = new Button("Replay", VaadinIcon.ROTATE_LEFT.create());
    private ExecutorService worker;
    private DemoRun run;
    /** The step on screen, from 0; -1 before the first. */
    private int shown = -1;
    private boolean busy;

    public DemoView(DemoScript script, DemoRuns runs, SignedInAccount signedIn) {
        this.script = script;
        this.runs = runs;
        this.signedIn = signedIn;
        addClassName("demo-view");
        setId("demo");
        position.setId("demo-position");
        position.addClassName("demo-position");
        page.addClassName("demo-page");
        page.setId("demo-page");
        status.setId("demo-status");
        status.addClassName("demo-status");
        back.setId("demo-back");
        next.setId("demo-next");
        next.setIconAfterText(true);
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        back.addThemeVariants(ButtonVariant.LUMO_LARGE);
        again.setId("demo-run-again");
        replay.setId("demo-replay");
        Button fullScreen = new Button("Full screen", VaadinIcon.EXPAND_SQUARE.create(),
                click -> getElement().executeJs("document.documentElement.requestFullscreen && document.documentElement.requestFullscreen()"));
        back.addClickListener(click -> back());
        next.addClickListener(click -> next());
        again.addClickListener(click -> runStep(shown));
        replay.addClickListener(click -> replay());
        Shortcuts.addShortcutListener(this, this::next, Key.ARROW_RIGHT);
        Shortcuts.addShortcutListener(this, this::next, Key.PAGE_DOWN);
        Shortcuts.addShortcutListener(this, this::back, Key.ARROW_LEFT);
        Shortcuts.addShortcutListener(this, this::back, Key.PAGE_UP);

        Div controls = new Div(back, next, again, replay, fullScreen);
        controls.addClassName("demo-controls");
        Div heading = new Div(new H1(position), page);
        heading.addClassName("demo-heading");
        Div top = new Div(heading, controls);
        top.addClassName("demo-top");
        code.setId("demo-code");
        code.addClassName("demo-code");
        output.setId("demo-output");
        output.addClassName("demo-output");
        chart.setId("demo-chart");
        chart.addClassName("demo-chart");
        add(top, status, code, output, chart);
        show();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "demo-" + signedIn.require().id());
            thread.setDaemon(true);
            return thread;
        });
        run = runs.start(signedIn.require());
        work(ui, "Preparing the demo...", () -> {
            run.prepare(progress(ui));
            return run;
        }, prepared -> { });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        DemoRun ending = run;
        worker.execute(ending::close);
        worker.shutdown();
    }

    private void next() {
        if (busy || shown + 1 >= script.steps().size()) {
            return;
        }
        if (shown + 1 < results.size()) {
            shown++;
            show();
        } else {
            runStep(shown + 1);
        }
    }

    private void back() {
        if (busy || shown <= 0) {
            return;
        }
        shown--;
        show();
    }

    private void runStep(int index) {
        if (busy || index < 0) {
            return;
        }
        DemoStep step = script.steps().get(index);
        work(UI.getCurrent(), "Running step " + step.number() + "...", () -> run.run(step), result -> {
            // a step run again makes the ones after it stale: they run again too
            while (results.size() > index) {
                results.remove(results.size() - 1);
            }
            results.add(result);
            shown = index;
        });
    }

    private void replay() {
        UI ui = UI.getCurrent();
        work(ui, "Replaying: a fresh demo group...", () -> {
            run.replay(progress(ui));
            return run;
        }, replayed -> {
            results.clear();
            shown = -1;
        });
    }

    /**
     * Runs {@code task} on the demo's thread, then {@code done} with its result in the UI; the
     * screen says what happens meanwhile, and why the demo stopped if it did.
     */
    private <T> void work(UI ui, String what, Supplier<T> task, Consumer<T> done) {
        busy = true;
        status.setText(what);
        show();
        worker.execute(() -> {
            T result = null;
            String failure = null;
            try {
                result = task.get();
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            T outcome = result;
            String problem = failure;
            ui.access(() -> {
                busy = false;
                if (problem == null) {
                    done.accept(outcome);
                    status.setText(shown < 0 ? "Ready. Select Next to run the first step on server group " + run.group() + "." : "");
                } else {
                    status.setText("The demo stopped: " + problem);
                }
                show();
            });
        });
    }

    private Consumer<String> progress(UI ui) {
        return message -> ui.access(() -> status.setText(message));
    }

    private void show() {
        int total = script.steps().size();
        back.setEnabled(!busy && shown > 0);
        next.setEnabled(!busy && shown + 1 < total);
        again.setEnabled(!busy && shown >= 0);
        replay.setEnabled(!busy && run != null);
        if (shown < 0) {
            position.setText("Demo: the lab in " + total + " steps");
            page.setText("");
            code.setText("");
            output.setText("");
            chart.removeAll();
            return;
        }
        DemoRun.StepResult result = results.get(shown);
        position.setText("Step " + result.step().number() + " of " + total);
        page.setText(result.step().page());
        code.setText(result.step().code());
        output.setText(result.transcript());
        chart.removeAll();
        result.breakdown().ifPresent(ran -> chart.add(new Svg(BreakdownChart.svg(ran.breakdown()))));
    }
}
