package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.hyperscalelab.cluster.ClusterException;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.SignedInAccount;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The "Hyperscale (Citus) server group" form: Basics, Networking, Tags and Review + create, with
 * the Configure server group pane. A field's error shows once the learner has changed or left
 * it, and every error at once when they ask to review; Create hands the form to
 * {@link ServerGroupProvisioner} and opens the deployment page.
 */
@Route(value = "create/Microsoft.PostgreSQLServerGroup", layout = PortalLayout.class)
@PageTitle("Hyperscale (Citus) server group - Microsoft Azure")
@PermitAll
public class ServerGroupCreateView extends Div {

    static final String TITLE = "Hyperscale (Citus) server group";

    private final ServerGroupProvisioner provisioner;
    private final ServerGroupFormRules rules;
    private final Blade form;
    private final ConfigurePane configurePane;
    private final BasicsTab basics;
    private final NetworkingTab networking;
    private final TagsTab tags;
    private final ReviewTab review = new ReviewTab();
    private final Tabs tabStrip = new Tabs();
    private final Map<FormTab, Tab> tabs = new EnumMap<>(FormTab.class);
    private final Map<FormTab, Component> pages = new EnumMap<>(FormTab.class);
    private final Div page = new Div();
    /** Fields whose errors are on show: touched by the learner, or all after Review + create. */
    private final Set<FormField> shown = EnumSet.noneOf(FormField.class);
    private ComputeConfiguration compute = ComputeConfiguration.labDefault();
    private final Account learner;
    private Deployment deployment;

    public ServerGroupCreateView(ServerGroupProvisioner provisioner, ServerGroupResources resources, ServerGroupOwners owners,
                                 SignedInAccount signedIn) {
        this.provisioner = provisioner;
        this.learner = signedIn.require();
        this.rules = provisioner.rules(learner);
        addClassName("server-group-create-view");
        List<Crumb> crumbs = List.of(Crumb.home(), Crumb.newResource(),
                Crumb.of(DeploymentOptionsView.TITLE, DeploymentOptionsView.class));
        form = new Blade(TITLE, "Microsoft", crumbs);
        form.setId("server-group-form");
        configurePane = new ConfigurePane(List.of(Crumb.home(), Crumb.newResource(),
                Crumb.of(DeploymentOptionsView.TITLE, DeploymentOptionsView.class), Crumb.action(TITLE, this::closeConfigure)),
                rules::workerCountNote, this::saveConfiguration, this::closeConfigure);
        configurePane.setVisible(false);

        ServerGroupForm initial = ServerGroupForm.initial(rules.defaultVersion());
        basics = new BasicsTab(rules, resources.resourceGroups(owners.visibleTo(learner)), initial, this::touch, this::openConfigure);
        basics.showCompute(compute);
        networking = new NetworkingTab(ClientAddress.current(), this::touch, this::refresh);
        tags = new TagsTab(this::refresh);
        pages.put(FormTab.BASICS, basics);
        pages.put(FormTab.NETWORKING, networking);
        pages.put(FormTab.TAGS, tags);
        pages.put(FormTab.REVIEW, review);

        for (FormTab formTab : FormTab.values()) {
            Tab tab = new Tab(formTab.label());
            tab.setId("tab-" + formTab.name().toLowerCase(Locale.ROOT));
            tabs.put(formTab, tab);
            tabStrip.add(tab);
        }
        tabStrip.addClassName("form-tabs");
        tabStrip.addSelectedChangeListener(event -> show(selectedTab()));
        page.addClassName("form-page");
        form.content().add(tabStrip, page);
        add(form, configurePane);
        show(FormTab.BASICS);
    }

    /** The form as the learner has filled it in so far. */
    ServerGroupForm form() {
        return new ServerGroupForm(basics.subscription(), basics.resourceGroup(), basics.newResourceGroup(),
                basics.serverGroupName(), basics.location(), basics.version(), compute, basics.password(),
                basics.confirmation(), networking.connectivity(), networking.allowAzureServices(),
                networking.firewallRules(), tags.tags());
    }

    private void show(FormTab formTab) {
        if (tabStrip.getSelectedTab() != tabs.get(formTab)) {
            tabStrip.setSelectedTab(tabs.get(formTab));
            return; // the selection listener comes back here
        }
        if (formTab == FormTab.REVIEW) {
            // Like Azure, opening Review + create validates the whole form.
            shown.addAll(EnumSet.allOf(FormField.class));
        }
        page.removeAll();
        page.add(pages.get(formTab));
        refresh();
        form.setFooter(footer(formTab));
    }

    private void touch(FormField field) {
        shown.add(field);
        refresh();
    }

    private void refresh() {
        ServerGroupForm current = form();
        Map<FormField, String> problems = rules.problems(current);
        basics.showProblems(problems, shown);
        networking.showProblems(problems, shown, ServerGroupFormRules.firewallRuleProblems(current.effectiveFirewallRules()));
        tags.showProblems(shown, rules.tagProblems(current.tags()));
        for (FormTab formTab : FormTab.values()) {
            boolean hasError = problems.keySet().stream().anyMatch(f -> f.tab() == formTab && shown.contains(f));
            Tab tab = tabs.get(formTab);
            tab.getElement().getClassList().set("tab-error", hasError);
            tab.getElement().setAttribute("aria-invalid", String.valueOf(hasError));
        }
        if (selectedTab() == FormTab.REVIEW) {
            review.show(current, problems, rules.workerCountNote(current.compute().workerCount()));
            form.setFooter(footer(FormTab.REVIEW));
        }
    }

    private Component[] footer(FormTab formTab) {
        int index = formTab.ordinal();
        Button previous = new Button("< Previous", click -> show(FormTab.values()[index - 1]));
        previous.setEnabled(index > 0);
        previous.setId("previous");
        if (formTab == FormTab.REVIEW) {
            Button create = new Button("Create", click -> create(click.getSource()));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("create");
            create.setDisableOnClick(true);
            create.setEnabled(rules.problems(form()).isEmpty());
            Button template = new Button("Download a template for automation",
                    click -> Notification.show("Templates for automation are not part of this lab."));
            template.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return new Component[] {create, previous, template};
        }
        Button reviewCreate = new Button("Review + create", click -> show(FormTab.REVIEW));
        reviewCreate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reviewCreate.setId("review-create");
        FormTab next = FormTab.values()[index + 1];
        Button nextButton = new Button("Next : " + next.label() + " >", click -> show(next));
        nextButton.setId("next");
        return new Component[] {reviewCreate, previous, nextButton};
    }

    private void create(Button button) {
        if (deployment != null) {
            // Only reachable if the browser sends a second click before the first disables the button.
            Notification.show("Create was already clicked: server group " + deployment.serverGroupName() + " is being deployed.");
            return;
        }
        try {
            deployment = provisioner.deploy(form(), learner);
            UI.getCurrent().navigate(DeploymentView.class, DeploymentView.parameters(deployment.name()));
        } catch (ClusterException e) {
            review.showError(e.getMessage());
            button.setEnabled(true);
        }
    }

    private void openConfigure() {
        configurePane.open(compute);
        form.setVisible(false);
        configurePane.setVisible(true);
    }

    private void saveConfiguration(ComputeConfiguration saved) {
        compute = saved;
        basics.showCompute(compute);
        shown.add(FormField.COMPUTE);
        closeConfigure();
    }

    private void closeConfigure() {
        configurePane.setVisible(false);
        form.setVisible(true);
        refresh();
    }

    private FormTab selectedTab() {
        return tabs.entrySet().stream().filter(e -> e.getValue() == tabStrip.getSelectedTab())
                .map(Map.Entry::getKey).findFirst().orElse(FormTab.BASICS);
    }
}
