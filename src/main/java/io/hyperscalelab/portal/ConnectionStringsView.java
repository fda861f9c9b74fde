package io.hyperscalelab.portal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import jakarta.annotation.security.PermitAll;

/** Connection strings: a placeholder until the cluster provides the group's connection strings. */
@Route(value = "resource/postgresql/:name/connection-strings", layout = PortalLayout.class)
@PermitAll
public class ConnectionStringsView extends ServerGroupBlade {

    public ConnectionStringsView(EmbeddedCluster cluster, ServerGroupResources resources) {
        super("Connection strings", cluster, resources);
    }

    @Override
    protected void build(ServerGroup group, ServerGroupForm details, Div main) {
        main.add(new Paragraph("The connection strings of " + group.name() + " (ADO.NET, JDBC, libpq, psql, ...) for "
                + "its coordinator " + AzureNames.fqdn(AzureNames.coordinator(group.name())) + " will be shown here."));
    }
}
