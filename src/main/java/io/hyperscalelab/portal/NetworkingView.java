package io.hyperscalelab.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.Route;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.ClusterKind;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.ServerGroup;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Networking, the Gen-1 firewall blade: the rules that admit connections to the coordinator's
 * port, edited in a grid and put in force on Save (the coordinator's pg_hba.conf, reloaded), the
 * "Allow Azure services" switch, and a word on TLS. Discard brings back the rules in force;
 * leaving with unsaved changes asks first.
 */
@Route(value = "resource/postgresql/:name/networking", layout = PortalLayout.class)
@PermitAll
public class NetworkingView extends ServerGroupBlade implements BeforeLeaveObserver {

    static final String UPDATING = "Updating firewall rules...";
    static final String UPDATED = "Successfully updated firewall rules";
    static final String UPDATE_FAILED = "Failed to update firewall rules";
    /** Azure names the rules its links add after the moment they were added. */
    private static final DateTimeFormatter RULE_TIME = DateTimeFormatter.ofPattern("yyyy-M-d_H-m-s").withZone(ZoneOffset.UTC);
    private static final List<String> COLUMNS = List.of("Firewall rule name", "Start IP address", "End IP address");

    private final ServerGroupProvisioner provisioner;
    private final Clock clock = Clock.systemUTC();
    private final Button save = command("Save", VaadinIcon.DISC);
    private final Button discard = command("Discard", VaadinIcon.CLOSE);
    private final Button addClientIpCommand = command("Add client IP", VaadinIcon.PLUS);
    private RadioButtonGroup<Boolean> allowAzureServices;
    private TextRows rules;
    private Div refused;
    /** The firewall in force, as the cluster last confirmed it. */
    private Firewall saved;
    private boolean saving;

    public NetworkingView(ServerGroups cluster, ServerGroupResources resources, VisibleServerGroups visibleGroups, ServerGroupProvisioner provisioner) {
        super("Networking", cluster, resources, visibleGroups);
        this.provisioner = provisioner;
        addClassName("networking-view");
        save.setId("networking-save");
        save.addClickListener(click -> save());
        discard.setId("networking-discard");
        discard.addClickListener(click -> discard());
        addClientIpCommand.setId("networking-add-client-ip");
        addClientIpCommand.addClickListener(click -> addClientIp());
    }

    @Override
    protected void build(ServerGroup group, ServerGroupForm details, Div main) {
        saved = group.firewall();
        saving = false;
        setCommands(save, discard, addClientIpCommand);
        String coordinator = AzureNames.coordinator(group.name());
        String clientIp = ClientAddress.current();

        Div info = new Div(VaadinIcon.INFO_CIRCLE_O.create(), new Span("Connections from the IP addresses specified below "
                + "provide access to the coordinator " + coordinator + " in server group " + group.name() + ". Some network "
                + "environments may not report the actual public-facing IP address needed to access your coordinator node. "
                + "Contact your network administrator if adding your IP address does not allow access to your server."));
        info.addClassName("info-box");
        if (cluster.kind() == ClusterKind.REAL_CITUS) {
            Span kept = new Span(" This server group is on a real Citus cluster, which decides itself who may connect (its "
                    + "pg_hba.conf, or Azure's firewall): the rules below are kept with the group, not put in force.");
            kept.setId("networking-not-enforced");
            info.add(kept);
        }

        allowAzureServices = new RadioButtonGroup<>();
        allowAzureServices.setId("allow-azure-services");
        allowAzureServices.setAriaLabel("Allow Azure services and resources to access this server group");
        allowAzureServices.setItems(false, true);
        allowAzureServices.setItemLabelGenerator(allow -> allow ? "Yes" : "No");
        allowAzureServices.addClassName("toggle-choice");
        allowAzureServices.addValueChangeListener(event -> changed());
        Icon about = VaadinIcon.INFO_CIRCLE_O.create();
        about.addClassName("field-info");
        about.setTooltipText("Admits the portal's own services, such as its query editor. Here they connect from "
                + cluster.sourceAddresses().azureServices() + ".");
        Div allowRow = new Div(new Span("Allow Azure services and resources to access this server group"), about,
                allowAzureServices);
        allowRow.addClassName("allow-azure-services-row");

        Button addClientIp = link("+ Add current client IP address ( " + clientIp + " )", this::addClientIp);
        addClientIp.setId("add-client-ip");
        Button addAll = link("+ Add 0.0.0.0 - 255.255.255.255",
                () -> rules.addRow(List.of(ruleName("AllowAll"), "0.0.0.0", "255.255.255.255")));
        addAll.setId("add-all-ips");
        Div links = new Div(addClientIp, addAll);
        links.addClassName("firewall-links");

        rules = new TextRows("firewall-rules", COLUMNS, null, this::changed);
        refused = new Div();
        refused.setId("networking-refused");
        refused.addClassNames("banner", "banner-error");

        Paragraph tls = new Paragraph("This server group supports encrypted connections using Transport Layer Security "
                + "(TLS), and requires them: its coordinator refuses connections without TLS, with a certificate made for it "
                + "when the group was created. Every connection string asks for TLS (sslmode=require).");
        tls.setId("encrypted-connections");

        main.add(info, new H2("Firewall rules"),
                new Paragraph("Inbound connections from the IP addresses specified below will be allowed to port "
                        + group.coordinator().port() + " on the coordinator (" + coordinator + ") in your server group ("
                        + group.name() + ")."),
                allowRow, links, refused, rules, new H2("Encrypted connections"), tls);
        show(saved);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (rules == null || !unsaved()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        Dialog confirm = new Dialog();
        confirm.setId("unsaved-changes-dialog");
        confirm.setHeaderTitle("Unsaved changes");
        confirm.add(new Paragraph("You have unsaved changes to the firewall rules of " + groupName()
                + ". If you leave, they are discarded."));
        // Staying (the button, Esc, a click outside) cancels the navigation, so that the next one asks again.
        confirm.addOpenedChangeListener(change -> {
            if (!change.isOpened() && unsaved()) {
                leave.cancel();
            }
        });
        Button stay = new Button("Stay", click -> confirm.close());
        Button discardAndLeave = new Button("Discard changes", click -> {
            show(saved);
            confirm.close();
            leave.proceed();
        });
        discardAndLeave.setId("unsaved-changes-leave");
        discardAndLeave.addThemeVariants(ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(stay, discardAndLeave);
        confirm.open();
    }

    /** The rules as the grid and the switch show them now. */
    private List<FirewallRuleInput> typedRules() {
        return rules.values().stream().map(cells -> new FirewallRuleInput(cells.get(0), cells.get(1), cells.get(2))).toList();
    }

    private boolean unsaved() {
        return allowAzureServices.getValue() != saved.allowAzureServices()
                || !typedRules().equals(saved.rules().stream().map(FirewallRuleInput::of).toList());
    }

    private void changed() {
        refused.setVisible(false);
        rules.showProblems(ServerGroupFormRules.firewallRuleProblems(typedRules()));
        updateCommands();
    }

    private void updateCommands() {
        boolean unsaved = unsaved();
        save.setEnabled(unsaved && !saving);
        discard.setEnabled(unsaved && !saving);
    }

    private void show(Firewall firewall) {
        allowAzureServices.setValue(firewall.allowAzureServices());
        rules.replaceRows(firewall.rules().stream()
                .map(r -> List.of(r.name(), r.startIpAddress(), r.endIpAddress())).toList());
        changed();
    }

    private void discard() {
        if (!saving) {
            show(saved);
        }
    }

    private void addClientIp() {
        String clientIp = ClientAddress.current();
        rules.addRow(List.of(ruleName("ClientIPAddress"), clientIp, clientIp));
    }

    private String ruleName(String prefix) {
        return prefix + "_" + RULE_TIME.format(clock.instant());
    }

    // A second click while the first is being applied, or with nothing left to save, does nothing.
    private void save() {
        if (saving || !unsaved()) {
            return;
        }
        List<FirewallRuleInput> typed = typedRules();
        List<ServerGroupFormRules.RowProblems> problems = ServerGroupFormRules.firewallRuleProblems(typed);
        Optional<String> problem = problems.stream().flatMap(row -> row.first().stream()).findFirst();
        if (problem.isPresent()) {
            rules.showAll();
            rules.showProblems(problems);
            refused.removeAll();
            refused.add(VaadinIcon.EXCLAMATION_CIRCLE.create(),
                    new Span("The firewall rules were not saved. Correct the rules marked in red: " + problem.get()));
            refused.setVisible(true);
            return;
        }
        Firewall firewall = FirewallRuleInput.firewall(allowAzureServices.getValue(), typed);
        String group = groupName();
        saving = true;
        updateCommands();
        PortalNotification notification = PortalNotification.inProgress(UPDATING,
                "Updating the firewall rules of server group " + group + ".");
        UI ui = UI.getCurrent();
        provisioner.replaceFirewall(group, firewall).whenComplete((applied, error) -> ui.access(() -> {
            saving = false;
            if (error == null) {
                saved = applied;
                notification.succeeded(UPDATED, "Successfully updated the firewall rules of server group " + group + ".");
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                notification.failed(UPDATE_FAILED, cause.getMessage());
            }
            updateCommands();
        }));
    }

    private static Button link(String text, Runnable action) {
        Button link = new Button(text, click -> action.run());
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return link;
    }
}
