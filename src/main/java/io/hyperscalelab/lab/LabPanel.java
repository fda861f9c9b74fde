package io.hyperscalelab.lab;

import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.lab.check.LabCheckRunner;
import io.hyperscalelab.lab.check.LabSteps;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.SignedInAccount;
import io.hyperscalelab.security.TooManyLaunchesException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The lab beside the portal, as the hosted lab shows it: a title bar with the lab's name and the
 * time left, and the tabs Lab Guide, Environment Details, Resources and Help. It is there on the
 * sign-in pages too, because that is where a newcomer starts the lab and finds the credentials.
 */
@SpringComponent
@UIScope
public class LabPanel extends Aside {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final LabProperties properties;
    private final LabGuide guide;
    private final LabProgress progress;
    private final LabLaunches launches;
    private final LabClasses classes;
    private final ServerGroups cluster;
    private final LabCheckRunner checkRunner;
    private final LabSteps steps;
    private final BreakdownHistory history;
    private final SignedInAccount signedIn;

    LabPanel(LabProperties properties, LabGuide guide, LabProgress progress, LabLaunches launches, LabSessions sessions,
             LabClasses classes, ServerGroups cluster, LabCheckRunner checkRunner, LabSteps steps, BreakdownHistory history,
             SignedInAccount signedIn) {
        this.properties = properties;
        this.classes = classes;
        this.guide = guide;
        this.progress = progress;
        this.launches = launches;
        this.cluster = cluster;
        this.checkRunner = checkRunner;
        this.steps = steps;
        this.history = history;
        this.signedIn = signedIn;
        addClassName("lab-panel");
        show(sessions.current());
    }


    private void show(Optional<LabSession> session) {
        removeAll();
        Optional<Account> account = session.map(LabSession::account);
        LabValues values = LabValues.of(account.flatMap(Account::deployment));

        Span name = new Span(properties.name());
        name.addClassName("lab-name");
        Div title = new Div(name);
        title.addClassName("lab-title");
        // a class's learners share their class's time; anyone else has the lab's duration from their start
        account.flatMap(classes::labEndsAt)
                .or(() -> session.flatMap(LabSession::startedAt).map(start -> start.plus(properties.duration())))
                .ifPresent(end -> title.add(new LabCountdown(end)));

        TabSheet tabs = new TabSheet();
        tabs.addClassName("lab-tabs");
        // the self-checks need a signed-in learner: the panel beside the sign-in pages has none
        Optional<GuideChecks> checks = account.filter(a -> signedIn.get().isPresent()).map(a -> new GuideChecks(checkRunner, steps, history, a));
        tabs.add("Lab Guide", new LabGuideTab(guide, progress, account, values, checks));
        Div details = new Div(new EnvironmentDetailsTab(session, cluster, this::startLab));
        tabs.add("Environment Details", details).setId("environment-details-tab");
        tabs.add("Resources", markdown("resources.md", values));
        tabs.add("Help", markdown("help.md", values));
        // the coordinator appears once the learner's server group exists: look again on each visit
        // (the session itself changes only when this browser starts a lab; sign-in loads a new page)
        tabs.addSelectedChangeListener(e -> {
            if (tabs.getComponent(e.getSelectedTab()) == details) {
                details.removeAll();
                details.add(new EnvironmentDetailsTab(session, cluster, this::startLab));
            }
        });
        add(title, tabs);
    }

    private static Div markdown(String resource, LabValues values) {
        Div tab = new Div(new Markdown(values.apply(LabGuide.read(resource))));
        tab.addClassName("lab-text");
        return tab;
    }

    /**
     * Start the lab: a learner account for this browser (in the class whose code was typed, if one
     * was), then its details in place of the button.
     * Returns why it could not, if it could not.
     */
    private Optional<String> startLab(Optional<String> classCode) {
        VaadinRequest request = VaadinRequest.getCurrent();
        try {
            LabLaunches.Started started = launches.launch(request.getRemoteAddr(), classCode);
            LabCookie.write(request, VaadinResponse.getCurrent(), started.token());
            show(Optional.of(started.session()));
            getChildren().filter(TabSheet.class::isInstance).map(TabSheet.class::cast).findFirst()
                    .ifPresent(tabs -> tabs.setSelectedIndex(1));
            return Optional.empty();
        } catch (TooManyLaunchesException e) {
            return Optional.of("Too many labs were started from this network lately. Try again after "
                    + TIME.format(e.retryAt()) + ".");
        } catch (LabClasses.ClassCodeException e) {
            return Optional.of(e.getMessage());
        }
    }
}
