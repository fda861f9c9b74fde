package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.LearnerEndpoint;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import java.util.List;
import java.util.Locale;

/**
 * The Connection strings blade: a server group's coordinator as each client library spells it,
 * in the portal's order, with {@value #PASSWORD_PLACEHOLDER} where the password goes (like
 * Azure, the product cannot show the password). Host, port, database and role are the ones that
 * really reach the coordinator here, and every entry asks for the TLS the coordinator requires
 * (an embedded coordinator always does; a real Citus cluster what the portal's own URL asks for).
 *
 * <p>Where Azure's own strings would not connect, these are corrected: the Python entry says
 * {@code sslmode='require'} (Azure's {@code 'true'} is refused by libpq), the Ruby entry has no
 * stray semicolon after the host, and the Web App entry names the port and the TLS mode.
 */
public final class ConnectionStrings {

    public static final String PASSWORD_PLACEHOLDER = "{your_password}";

    private ConnectionStrings() {
    }

    /** One entry of the blade: its label and the read-only text beside it. */
    public record Entry(String label, String value) {
    }

    /** Where the coordinator really listens, "host:port": what every entry connects to. */
    public static String endpoint(ServerGroup group) {
        ServerGroupNode coordinator = group.coordinator();
        return coordinator.host() + ":" + coordinator.port();
    }

    public static List<Entry> of(LearnerEndpoint endpoint) {
        String host = endpoint.host();
        int port = endpoint.port();
        String db = endpoint.database();
        String user = endpoint.username();
        String ssl = endpoint.sslMode();
        // .NET's drivers spell the modes with a capital: Require, Prefer, ...
        String dotnetSsl = ssl.substring(0, 1).toUpperCase(Locale.ROOT) + ssl.substring(1);
        String password = PASSWORD_PLACEHOLDER;
        String libpq = "host=%s port=%d dbname=%s user=%s password=%s sslmode=%s".formatted(host, port, db, user, password, ssl);
        return List.of(
                new Entry("ADO.NET", "Server=%s;Database=%s;Port=%d;User Id=%s;Password=%s;Ssl Mode=%s;"
                        .formatted(host, db, port, user, password, dotnetSsl)),
                new Entry("C++ (libpq)", libpq),
                new Entry("JDBC", "jdbc:postgresql://%s:%d/%s?user=%s&password=%s&sslmode=%s"
                        .formatted(host, port, db, user, password, ssl)),
                new Entry("Node.js", libpq),
                new Entry("PHP", libpq),
                new Entry("psql", "psql \"" + libpq + "\""),
                new Entry("Python", "dbname='%s' user='%s' host='%s' password='%s' port='%d' sslmode='%s'"
                        .formatted(db, user, host, password, port, ssl)),
                new Entry("Ruby", "host=%s dbname=%s user=%s password=%s port=%d sslmode=%s"
                        .formatted(host, db, user, password, port, ssl)),
                new Entry("Web App", "Database=%s; Data Source=%s; Port=%d; User Id=%s; Password=%s; Ssl Mode=%s"
                        .formatted(db, host, port, user, password, dotnetSsl)));
    }
}
