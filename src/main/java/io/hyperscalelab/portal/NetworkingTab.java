package io.hyperscalelab.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The Networking tab: the connectivity method and, for public access, the firewall rules. */
final class NetworkingTab extends Div {

    private final RadioButtonGroup<ConnectivityMethod> connectivity = new RadioButtonGroup<>();
    private final Checkbox allowAzureServices =
            new Checkbox("Allow public access from Azure services and resources within Azure to this server group");
    private final TextRows firewallRules;
    private final Div publicAccess = new Div();

    /** @param clientIp the learner's address as this server sees it ({@link ClientAddress}), for "+ Add current client IP address" */
    NetworkingTab(String clientIp, Consumer<FormField> touched, Runnable changed) {
        addClassName("form-tab");
        setId("networking-tab");
        connectivity.setId("connectivity-method");
        connectivity.setAriaLabel("Connectivity method");
        connectivity.setItems(ConnectivityMethod.values());
        connectivity.setItemLabelGenerator(ConnectivityMethod::label);
        connectivity.setValue(ConnectivityMethod.NO_ACCESS);
        connectivity.addClassName("vertical-radios");
        connectivity.addValueChangeListener(event -> {
            publicAccess.setVisible(event.getValue() == ConnectivityMethod.PUBLIC_ACCESS);
            if (event.isFromClient()) {
                touched.accept(FormField.CONNECTIVITY);
            }
        });
        allowAzureServices.setId("allow-azure-services");
        allowAzureServices.addValueChangeListener(event -> changed.run());

        firewallRules = new TextRows("firewall-rules", List.of("Firewall rule name", "Start IP address", "End IP address"),
                null, changed);
        Button addClientIp = new Button("+ Add current client IP address ( " + clientIp + " )",
                click -> firewallRules.addRow(List.of("ClientIPAddress", clientIp, clientIp)));
        addClientIp.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        addClientIp.setId("add-client-ip");

        publicAccess.addClassName("public-access");
        publicAccess.setVisible(false);
        publicAccess.add(FormRow.section("Firewall rules", "Inbound connections from the IP addresses specified below will "
                        + "be allowed to port 5432 on the coordinator node of your server group."),
                allowAzureServices, new Div(addClientIp), firewallRules);

        add(FormRow.section("Network connectivity", "You can connect to your server group either via public IP "
                        + "addresses or privately, using a private endpoint. If you choose No access, nothing can connect "
                        + "until you add firewall rules after the group is created."),
                new FormRow("Connectivity method", true, "Public access lets the IP addresses you list reach the "
                        + "coordinator. Private access is not part of this lab.", connectivity),
                publicAccess);
    }

    ConnectivityMethod connectivity() {
        return connectivity.getValue();
    }

    boolean allowAzureServices() {
        return allowAzureServices.getValue();
    }

    List<FirewallRuleInput> firewallRules() {
        return firewallRules.values().stream().map(cells -> new FirewallRuleInput(cells.get(0), cells.get(1), cells.get(2))).toList();
    }

    void showProblems(Map<FormField, String> problems, Set<FormField> shown, List<ServerGroupFormRules.RowProblems> rows) {
        String problem = shown.contains(FormField.CONNECTIVITY) ? problems.get(FormField.CONNECTIVITY) : null;
        connectivity.setInvalid(problem != null);
        connectivity.setErrorMessage(problem);
        if (shown.contains(FormField.FIREWALL_RULES)) {
            firewallRules.showAll();
        }
        firewallRules.showProblems(rows);
    }
}
