package io.hyperscalelab.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A real Citus cluster to keep the server groups on, instead of the embedded cluster: set the
 * URL of its coordinator and the portal uses it (environment: {@code HYPERSCALE_CITUS_URL}, ...).
 *
 * @param url                   the coordinator: {@code postgresql://user:password@host:5432/citus?sslmode=require},
 *                              {@code jdbc:postgresql://host:5432/citus} or libpq's
 *                              {@code host=... port=... dbname=... user=...}; unset, the embedded cluster
 * @param username              the role the portal manages groups as (it needs CREATEROLE); unset, the URL's
 * @param password              its password; unset, the URL's
 * @param connectTimeoutSeconds how long the portal waits for the coordinator to answer
 */
@ConfigurationProperties("hyperscale.citus")
public record CitusProperties(String url, String username, String password, int connectTimeoutSeconds) {

    @ConstructorBinding
    public CitusProperties {
        if (connectTimeoutSeconds <= 0) {
            connectTimeoutSeconds = 5;
        }
    }

    /** Whether a real Citus cluster is asked for at all. */
    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "CitusProperties[url=" + (configured() ? CitusUrl.redacted(url) : "") + ", username=" + username + "]";
    }
}
