package io.hyperscalelab.instructor;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.breakdown.BreakdownChart;
import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.classroom.ClassProgress;
import io.hyperscalelab.classroom.Classroom;
import io.hyperscalelab.classroom.Classrooms;
import io.hyperscalelab.classroom.GroupState;
import io.hyperscalelab.classroom.LabStep;
import io.hyperscalelab.classroom.LearnerProgress;
import io.hyperscalelab.lab.LabGuide;
import io.hyperscalelab.lab.LabGuideTab;
import io.hyperscalelab.lab.LabProgress;
import io.hyperscalelab.portal.Blade;
import io.hyperscalelab.portal.Crumb;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.SignedInAccount;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A learner's lab as their instructor looks at it, read-only: the guide on the learner's page
 * (moving through it here does not move the learner), the steps they have done, their server
 * groups and the statements they ran last. Nothing on this page changes anything.
 */
@Route(value = ClassesView.ROUTE + "/:" + ClassDashboardView.CLASS_ID + "/learners/:" + LearnerLabView.LEARNER_ID,
        layout = InstructorLayout.class)
@RolesAllowed("INSTRUCTOR")
public class LearnerLabView extends Blade implements BeforeEnterObserver, HasDynamicTitle {

    static final String LEARNER_ID = "learnerId";
    private static final int STATEMENTS_SHOWN = 5;

    private final Classrooms classrooms;
    private final ClassProgress progress;
    private final LabGuide guide;
    private final LabProgress labProgress;
    private final BreakdownHistory history;
    private final Account instructor;
    private String title = "Learner";

    public LearnerLabView(Classrooms classrooms, ClassProgress progress, LabGuide guide, LabProgress labProgress,
                          BreakdownHistory history, SignedInAccount signedIn) {
        super("Learner", "Lab, read-only", List.of(Crumb.of("Classes", ClassesView.class)));
        this.classrooms = classrooms;
        this.progress = progress;
        this.guide = guide;
        this.labProgress = labProgress;
        this.history = history;
        this.instructor = signedIn.require();
        addClassName("learner-lab-view");
        setTitleIcon(VaadinIcon.USER.create());
    }

    static RouteParameters parameters(long classId, long learnerId) {
        return new RouteParameters(new RouteParam(ClassDashboardView.CLASS_ID, String.valueOf(classId)),
                new RouteParam(LEARNER_ID, String.valueOf(learnerId)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content().removeAll();
        Optional<Classroom> classroom = event.getRouteParameters().getLong(ClassDashboardView.CLASS_ID)
                .flatMap(id -> classrooms.find(instructor, id));
        Optional<Long> learnerId = event.getRouteParameters().getLong(LEARNER_ID);
        Optional<LearnerProgress> learner = classroom.flatMap(c -> learnerId.flatMap(id ->
                progress.of(c).stream().filter(l -> l.accountId() == id).findFirst()));
        if (learner.isEmpty()) {
            content().add(new Paragraph("There is no such learner in your classes."), new RouterLink("Go to your classes", ClassesView.class));
            return;
        }
        show(classroom.get(), learner.get());
    }

    @Override
    public String getPageTitle() {
        return title + " - Hyperscale Lab";
    }

    private void show(Classroom classroom, LearnerProgress learner) {
        title = learner.username();
        setBladeTitle(learner.username() + " (seat " + learner.member().seat() + ")");
        RouterLink back = new RouterLink("Back to the dashboard of " + classroom.name(), ClassDashboardView.class,
                ClassDashboardView.parameters(classroom.id()));

        UnorderedList steps = new UnorderedList();
        steps.setId("learner-steps");
        for (LabStep step : progress.steps()) {
            boolean done = learner.stepsDone().contains(step.id());
            ListItem item = new ListItem((done ? "\u2713 " : "\u2013 ") + step.title());
            item.addClassName(done ? "step-done" : "step-open");
            steps.add(item);
        }
        UnorderedList groups = new UnorderedList();
        groups.setId("learner-groups");
        for (GroupState group : learner.groups()) {
            groups.add(new ListItem(group.describe()));
        }
        if (learner.groups().isEmpty()) {
            groups.add(new ListItem("No server group yet"));
        }
        Div statements = new Div();
        statements.setId("learner-statements");
        for (GroupState group : learner.groups()) {
            history.recent(group.name()).stream().limit(STATEMENTS_SHOWN).forEach(ran -> statements.add(statement(ran)));
        }
        if (statements.getChildren().findAny().isEmpty()) {
            statements.add(new Paragraph("No statements through the query editor or the Cloud Shell's psql yet."));
        }
        Div facts = new Div(new H2("Steps done: " + learner.stepsDone().size() + " of " + learner.totalSteps()), steps,
                new H2("Server groups"), groups, new H2("Latest statements"), statements,
                new Paragraph("Last activity: " + Durations.ago(learner.lastActiveAt(), Instant.now())));
        facts.addClassName("learner-facts");
        Div guideBox = new Div(new H2("Lab guide, on their page"), LabGuideTab.readOnly(guide, labProgress, learner.member().account()));
        guideBox.addClassName("learner-guide");
        guideBox.setId("learner-guide");
        Div columns = new Div(facts, guideBox);
        columns.addClassName("learner-lab-columns");
        content().add(back, columns);
    }

    private static Div statement(RanStatement ran) {
        Span what = new Span(ran.source() + ", " + ClassesView.WHEN.format(ran.at()) + ": " + BreakdownChart.title(ran.breakdown()));
        what.addClassName("statement-path");
        Pre sql = new Pre(ran.sql());
        Div box = new Div(what, sql);
        box.addClassName("learner-statement");
        return box;
    }
}
