package io.hyperscalelab.state;

import io.hyperscalelab.cluster.StateServer;
import java.util.Optional;

/**
 * The PostgreSQL database that holds the product's state, and the embedded server behind it when
 * the app runs one itself. Closing it stops that server; an external database is left alone.
 */
public final class StateDatabase implements AutoCloseable {

    private final String url;
    private final String username;
    private final String password;
    private final StateServer embedded;

    private StateDatabase(String url, String username, String password, StateServer embedded) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    static StateDatabase embedded(StateServer server) {
        return new StateDatabase(server.jdbcUrl(), server.username(), server.password(), server);
    }

    static StateDatabase external(StateProperties properties) {
        return new StateDatabase(properties.url(), properties.username(), properties.password(), null);
    }

    public String url() {
        return url;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** The server the app runs for its state, or empty when the state lives in a database of your own. */
    public Optional<StateServer> embeddedServer() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
