package io.hyperscalelab.instructor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.classroom.ClassActions;
import io.hyperscalelab.classroom.ClassProgress;
import io.hyperscalelab.classroom.ClassProgressChart;
import io.hyperscalelab.classroom.Classroom;
import io.hyperscalelab.classroom.Classrooms;
import io.hyperscalelab.classroom.Credential;
import io.hyperscalelab.classroom.GroupState;
import io.hyperscalelab.classroom.LearnerProgress;
import io.hyperscalelab.portal.Blade;
import io.hyperscalelab.portal.Crumb;
import io.hyperscalelab.portal.LiveUpdates;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.SignedInAccount;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A class's live dashboard: the progress summary chart, then one row per learner (seat, lab
 * page, steps done, server groups with their status and node count, last activity) with filters,
 * refreshed by server push every few seconds while it is open. Its actions: open a learner's lab
 * read-only, reset a learner's lab, a new password, extend the time and end the class.
 */
@Route(value = ClassesView.ROUTE + "/:" + ClassDashboardView.CLASS_ID, layout = InstructorLayout.class)
@RolesAllowed("INSTRUCTOR")
public class ClassDashboardView extends Blade implements BeforeEnterObserver, HasDynamicTitle {

    static final String CLASS_ID = "classId";
    static final Duration REFRESH = Duration.ofSeconds(2);

    private final Classrooms classrooms;
    private final ClassProgress progress;
    private final ClassActions actions;
    private final Account instructor;
    private final Div summary = new Div();
    private final Div chart = new Div();
    private final TextField nameFilter = new TextField();
    private final Select<LearnerFilter> statusFilter = new Select<>();
    private final Span count = new Span();
    private final Grid<Row> grid = table("learners");
    private Classroom classroom;
    /** What the grid and the chart show now: redrawn only when it changes, so a click never lands on a replaced button. */
    private List<Row> rows = List.of();
    private String chartSvg = "";

    /** A learner's row as shown, with its last activity in words, which change as time passes. */
    private record Row(LearnerProgress learner, String lastActivity) {
    }

    public ClassDashboardView(Classrooms classrooms, ClassProgress progress, ClassActions actions, SignedInAccount signedIn,
                              LiveUpdates live) {
        super("Class", "Class dashboard", List.of(Crumb.of("Classes", ClassesView.class)));
        this.classrooms = classrooms;
        this.progress = progress;
        this.actions = actions;
        this.instructor = signedIn.require();
        addClassName("class-dashboard");
        setTitleIcon(VaadinIcon.ACADEMY_CAP.create());
        summary.setId("class-summary");
        summary.addClassName("class-summary");
        chart.setId("progress-chart");
        chart.addClassName("progress-chart");

        nameFilter.setPlaceholder("Filter by learner...");
        nameFilter.setAriaLabel("Filter by learner");
        nameFilter.setId("learner-filter");
        nameFilter.setValueChangeMode(ValueChangeMode.LAZY);
        nameFilter.addValueChangeListener(e -> refresh());
        statusFilter.setItems(LearnerFilter.values());
        statusFilter.setValue(LearnerFilter.ALL);
        statusFilter.setAriaLabel("Status");
        statusFilter.setId("status-filter");
        statusFilter.addValueChangeListener(e -> refresh());
        count.setId("learner-count");
        Div filters = new Div(nameFilter, statusFilter, count);
        filters.addClassName("list-filters");

        grid.addColumn(row -> row.learner().member().seat()).setHeader("Seat").setWidth("70px").setFlexGrow(0);
        grid.addColumn(row -> row.learner().username()).setHeader("Learner").setFlexGrow(3);
        grid.addComponentColumn(row -> tagged(new Span(row.learner().pageNumber() + ". " + row.learner().pageTitle()),
                "learner-page", row.learner())).setHeader("Lab page").setFlexGrow(3);
        grid.addComponentColumn(row -> stepsDone(row.learner())).setHeader("Steps done").setFlexGrow(2);
        grid.addColumn(row -> groups(row.learner())).setHeader("Server group").setFlexGrow(3);
        grid.addColumn(Row::lastActivity).setHeader("Last activity").setFlexGrow(1);
        grid.addComponentColumn(row -> learnerActions(row.learner())).setHeader("Actions").setFlexGrow(3);
        grid.setClassNameGenerator(row -> "learner-row");

        content().add(summary, chart, filters, count, grid);
        live.whileAttached(this, REFRESH, this::refresh);
    }

    static RouteParameters parameters(long classId) {
        return new RouteParameters(CLASS_ID, String.valueOf(classId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Classroom> found = event.getRouteParameters().getLong(CLASS_ID).flatMap(id -> classrooms.find(instructor, id));
        if (found.isEmpty()) {
            classroom = null;
            content().removeAll();
            content().add(new Paragraph("There is no class with this address among your classes."),
                    new RouterLink("Go to your classes", ClassesView.class));
            setCommands();
            return;
        }
        classroom = found.get();
        setBladeTitle(classroom.name());
        commands();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return (classroom == null ? "Class" : classroom.name()) + " - Hyperscale Lab";
    }

    private void commands() {
        Button extend = command("Extend the time", VaadinIcon.TIMER);
        extend.setId("extend-time");
        ContextMenu extensions = new ContextMenu(extend);
        extensions.setOpenOnClick(true);
        for (int minutes : new int[] {15, 30, 60}) {
            extensions.addItem("+ " + Durations.length(Duration.ofMinutes(minutes)), click -> extend(Duration.ofMinutes(minutes)))
                    .setId("extend-" + minutes);
        }
        Button end = command("End the class", VaadinIcon.STOP);
        end.setId("end-class");
        end.addClickListener(click -> new EndClassDialog(classroom, this::end).open());
        extend.setEnabled(!classroom.ended());
        end.setEnabled(!classroom.ended());
        setCommands(extend, end);
    }

    private void refresh() {
        if (classroom == null) {
            return;
        }
        classroom = classrooms.find(instructor, classroom.id()).orElse(classroom);
        Instant now = Instant.now();
        List<LearnerProgress> learners = progress.of(classroom);
        summary.removeAll();
        summary.add(fact("Class code", classroom.code(), "class-code-value"),
                fact("Seats", learners.size() + " of " + classroom.seats() + " taken", "class-seats-value"),
                fact("Lab time", classroom.ended() ? "Ended" : Durations.left(classroom.endsAt(), now) + ", until "
                        + ClassesView.WHEN.format(classroom.endsAt()), "class-time-value"));
        String svg = ClassProgressChart.svg(progress.steps(), learners, now);
        if (!svg.equals(chartSvg)) {
            chartSvg = svg;
            chart.removeAll();
            chart.add(new Svg(svg));
        }
        String name = nameFilter.getValue().strip().toLowerCase(Locale.ROOT);
        LearnerFilter filter = statusFilter.getValue() == null ? LearnerFilter.ALL : statusFilter.getValue();
        List<LearnerProgress> shown = learners.stream().filter(l -> l.username().contains(name)).filter(l -> filter.keeps(l, now))
                .toList();
        List<Row> shownRows = shown.stream().map(l -> new Row(l, Durations.ago(l.lastActiveAt(), now))).toList();
        if (!shownRows.equals(rows)) {
            rows = shownRows;
            grid.setItems(shownRows);
        }
        count.setText(shown.size() + " of " + learners.size() + " learners");
    }

    private Component stepsDone(LearnerProgress learner) {
        Div bar = new Div();
        bar.addClassName("steps-bar");
        Div fill = new Div();
        fill.addClassName("steps-fill");
        fill.getStyle().set("width", (learner.totalSteps() == 0 ? 0 : 100 * learner.stepsDone().size() / learner.totalSteps()) + "%");
        bar.add(fill);
        Span text = new Span(learner.stepsDone().size() + " of " + learner.totalSteps());
        text.addClassName("steps-text");
        return tagged(new Div(bar, text), "steps-done", learner);
    }

    /** A cell that says whose it is, so that tools and tests find a learner's cells. */
    private static Component tagged(Component cell, String className, LearnerProgress learner) {
        cell.getElement().getClassList().add(className);
        cell.getElement().setAttribute("data-learner", String.valueOf(learner.accountId()));
        return cell;
    }

    private Component learnerActions(LearnerProgress learner) {
        RouterLink open = new RouterLink("Open lab", LearnerLabView.class, LearnerLabView.parameters(classroom.id(), learner.accountId()));
        open.addClassName("open-learner-lab");
        Button reset = new Button("Reset", click -> confirmReset(learner));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        reset.addClassName("reset-learner-lab");
        reset.setEnabled(!classroom.ended());
        Button password = new Button("New password", click -> newPassword(learner));
        password.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        password.addClassName("new-learner-password");
        Div cell = new Div(open, reset, password);
        cell.addClassName("learner-actions");
        return cell;
    }

    private void confirmReset(LearnerProgress learner) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Reset the lab of " + learner.username() + "?");
        confirm.add(new Paragraph("Their place in the lab guide and their steps are forgotten, and each of their server "
                + "groups is deleted and created again, empty, with the same name, size, firewall and password."));
        Button reset = new Button("Reset the lab", click -> {
            confirm.close();
            run("Resetting the lab of " + learner.username(), () -> actions.resetLab(instructor, classroom, learner.accountId()),
                    deployments -> "The lab of " + learner.username() + " was reset: " + deployments.size()
                            + (deployments.size() == 1 ? " server group is" : " server groups are") + " being created again.");
        });
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        reset.setId("confirm-reset");
        confirm.getFooter().add(new Button("Cancel", click -> confirm.close()), reset);
        confirm.open();
    }

    private void newPassword(LearnerProgress learner) {
        Credential credential;
        try {
            credential = actions.newPassword(instructor, classroom, learner.accountId());
        } catch (IllegalArgumentException e) {
            notify(e.getMessage(), true);
            return;
        }
        Dialog shown = new Dialog();
        shown.setHeaderTitle("New password of " + credential.username());
        Span password = new Span(credential.password());
        password.setId("new-password-value");
        password.addClassName("credential-value");
        shown.add(new Paragraph("Hand it to the learner now; it is not shown again. Their old password no longer works."), password);
        shown.getFooter().add(new Button("Done", click -> shown.close()));
        shown.open();
    }

    private void extend(Duration extra) {
        try {
            classroom = actions.extend(instructor, classroom, extra);
            notify("The class's lab time now ends at " + ClassesView.WHEN.format(classroom.endsAt()) + ".", false);
            refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            notify(e.getMessage(), true);
        }
    }

    private void end() {
        run("Ending " + classroom.name(), () -> actions.end(instructor, classroom), ended -> {
            classroom = ended;
            rows = List.of();
            commands();
            return "Class " + ended.name() + " has ended: its learners' server groups were deleted.";
        });
    }

    /** Runs an action off the UI thread and says, when it is over, how it went. */
    private <T> void run(String what, Supplier<CompletableFuture<T>> start, Function<T, String> outcome) {
        CompletableFuture<T> action;
        try {
            action = start.get();
        } catch (RuntimeException e) {
            notify(what + " failed: " + e.getMessage(), true);
            return;
        }
        notify(what + "...", false);
        UI ui = UI.getCurrent();
        action.whenComplete((result, failure) -> ui.access(() -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                notify(what + " failed: " + cause.getMessage(), true);
            } else {
                notify(outcome.apply(result), false);
            }
            refresh();
        }));
    }

    private static String groups(LearnerProgress learner) {
        return learner.groups().isEmpty() ? "No server group yet"
                : String.join("; ", learner.groups().stream().map(GroupState::describe).toList());
    }

    private static Component fact(String label, String value, String id) {
        Span name = new Span(label);
        name.addClassName("fact-label");
        Span text = new Span(value);
        text.addClassName("fact-value");
        text.setId(id);
        Div fact = new Div(name, text);
        fact.addClassName("class-fact");
        return fact;
    }

    private static void notify(String message, boolean error) {
        Notification notification = Notification.show(message, error ? 10_000 : 5_000, Notification.Position.TOP_END);
        if (error) {
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
