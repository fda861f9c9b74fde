package io.hyperscalelab.lab;

import io.hyperscalelab.security.DeploymentId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's own names, filled into the guide's {@code {{placeholders}}} the way the hosted lab
 * injects them: {@code {{username}}}, {@code {{server-group}}}, {@code {{resource-group}}},
 * {@code {{deployment-id}}}, {@code {{coordinator}}} and {@code {{query-editor}}} (the address of the
 * server group's query editor in this portal). Without a lab yet, generic names stand in.
 */
record LabValues(Map<String, String> values) {

    static LabValues of(Optional<DeploymentId> deployment) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", deployment.map(DeploymentId::learnerUsername).orElse("odl_user_NNNNNN@" + DeploymentId.DOMAIN));
        values.put("server-group", deployment.map(DeploymentId::serverGroupName).orElse("postgresNNNNNN"));
        values.put("resource-group", deployment.map(DeploymentId::resourceGroupName).orElse("citus-NNNNNN"));
        values.put("deployment-id", deployment.map(DeploymentId::toString).orElse("NNNNNN"));
        values.put("coordinator", deployment.map(DeploymentId::coordinatorDisplayName).orElse("srvNNNNNN.postgres.database.azure.com"));
        values.put("query-editor", "/resource/postgresql/" + values.get("server-group") + "/query-editor");
        return new LabValues(Map.copyOf(values));
    }

    String apply(String text) {
        String result = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            result = result.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return result;
    }
}
