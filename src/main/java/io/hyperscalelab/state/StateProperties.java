package io.hyperscalelab.state;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the product keeps its own state.
 *
 * @param url             JDBC URL of a PostgreSQL database of your own; when absent the app runs an
 *                        embedded server under {@code <data-directory>/state/}
 * @param username        the role for {@code url}
 * @param password        its password
 * @param maximumPoolSize connections the app keeps open at most
 */
@ConfigurationProperties("hyperscale.state")
public record StateProperties(String url, String username, String password, int maximumPoolSize) {

    public StateProperties {
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("hyperscale.state.url must be a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://host:port/database), not " + url);
        }
        if (maximumPoolSize == 0) {
            maximumPoolSize = 10;
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("hyperscale.state.maximum-pool-size must be at least 1, not " + maximumPoolSize);
        }
    }

    boolean external() {
        return url != null;
    }
}
