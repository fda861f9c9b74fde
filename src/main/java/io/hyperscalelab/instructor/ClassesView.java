package io.hyperscalelab.instructor;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.hyperscalelab.classroom.Classroom;
import io.hyperscalelab.classroom.Classrooms;
import io.hyperscalelab.classroom.CredentialSheet;
import io.hyperscalelab.classroom.NewClass;
import io.hyperscalelab.lab.LabProperties;
import io.hyperscalelab.portal.Blade;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.SignedInAccount;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The instructor's classes, newest first, and the form that creates one. */
@Route(value = ClassesView.ROUTE, layout = InstructorLayout.class)
@PageTitle("Classes - Hyperscale Lab")
@RolesAllowed("INSTRUCTOR")
public class ClassesView extends Blade {

    public static final String ROUTE = "classes";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());

    private final Classrooms classrooms;
    private final Account instructor;
    private final Grid<Classroom> grid = table("classes");
    private final Div created = new Div();
    private final NewClassForm form;

    public ClassesView(Classrooms classrooms, SignedInAccount signedIn, LabProperties lab) {
        super("Classes", "Your classes and their learners", List.of());
        this.classrooms = classrooms;
        this.instructor = signedIn.require();
        addClassName("classes-view");
        setTitleIcon(VaadinIcon.ACADEMY_CAP.create());

        grid.addComponentColumn(c -> new RouterLink(c.name(), ClassDashboardView.class, ClassDashboardView.parameters(c.id())))
                .setHeader("Class").setFlexGrow(2);
        grid.addColumn(c -> classrooms.members(c).size() + " of " + c.seats()).setHeader("Seats taken");
        grid.addColumn(Classroom::code).setHeader("Class code");
        grid.addColumn(c -> WHEN.format(c.createdAt())).setHeader("Created");
        grid.addColumn(c -> c.ended() ? "Ended " + WHEN.format(c.endedAt()) : Durations.left(c.endsAt(), Instant.now()))
                .setHeader("Lab time");

        form = new NewClassForm(lab.duration(), this::create);
        created.setId("created-class");
        content().add(form, created, new H2("Your classes"), grid);
        refresh();
    }

    private void create(NewClass asked) {
        try {
            Classrooms.Created result = classrooms.create(instructor, asked);
            form.reset();
            created.removeAll();
            RouterLink dashboard = new RouterLink("Open the dashboard of " + result.classroom().name(), ClassDashboardView.class,
                    ClassDashboardView.parameters(result.classroom().id()));
            dashboard.setId("open-dashboard");
            created.add(dashboard);
            Span code = new Span(result.classroom().code());
            code.setId("created-class-code");
            code.addClassName("credential-value");
            created.add(new Div(new Span("Class code: "), code, new Span(" (learners without generated accounts select "
                    + "Start the lab on Environment Details and type it)")));
            if (!result.credentials().isEmpty()) {
                created.add(new CredentialsPanel(new CredentialSheet(result.classroom(), result.credentials(), PortalAddress.current())));
            }
            refresh();
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        grid.setItems(classrooms.of(instructor));
    }
}
