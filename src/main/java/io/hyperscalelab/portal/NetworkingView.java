package io.hyperscalelab.portal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import jakarta.annotation.security.PermitAll;

/**
 * Networking: the firewall rules chosen when the group was created, read-only until the cluster
 * enforces and edits them.
 */
@Route(value = "resource/postgresql/:name/networking", layout = PortalLayout.class)
@PermitAll
public class NetworkingView extends ServerGroupBlade {

    public NetworkingView(EmbeddedCluster cluster, ServerGroupResources resources) {
        super("Networking", cluster, resources);
    }

    @Override
    protected void build(ServerGroup group, ServerGroupForm details, Div main) {
        String coordinator = AzureNames.coordinator(group.name());
        Grid<FirewallRuleInput> rules = table("firewall-rules-grid");
        rules.addColumn(FirewallRuleInput::name).setHeader("Firewall rule name");
        rules.addColumn(FirewallRuleInput::startIp).setHeader("Start IP address");
        rules.addColumn(FirewallRuleInput::endIp).setHeader("End IP address");
        rules.setItems(details.effectiveFirewallRules());
        main.add(new H2("Firewall rules"),
                new Paragraph("Inbound connections from the IP addresses specified below will be allowed to port 5432 on "
                        + "the coordinator (" + coordinator + ") in your server group (" + group.name() + ")."),
                new Paragraph("Allow Azure services and resources to access this server group: "
                        + (details.allowAzureServices() ? "Yes" : "No")),
                rules,
                new Paragraph("Editing the firewall rules of an existing server group is coming to this blade."));
    }
}
