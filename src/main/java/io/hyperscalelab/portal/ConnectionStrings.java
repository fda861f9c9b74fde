package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import java.util.List;

/**
 * The Connection strings blade: a server group's coordinator as each client library spells it,
 * in the portal's order, with {@value #PASSWORD_PLACEHOLDER} where the password goes (like
 * Azure, the product cannot show the password). Host and port are the ones that really reach
 * the coordinator here, and every entry asks for TLS, which the coordinator requires.
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

    public static List<Entry> of(ServerGroup group) {
        ServerGroupNode coordinator = group.coordinator();
        return of(coordinator.host(), coordinator.port());
    }

    public static List<Entry> of(String host, int port) {
        String db = ServerGroup.DATABASE;
        String user = ServerGroup.ADMIN_USERNAME;
        String password = PASSWORD_PLACEHOLDER;
        String libpq = "host=%s port=%d dbname=%s user=%s password=%s sslmode=require".formatted(host, port, db, user, password);
        return List.of(
                new Entry("ADO.NET", "Server=%s;Database=%s;Port=%d;User Id=%s;Password=%s;Ssl Mode=Require;"
                        .formatted(host, db, port, user, password)),
                new Entry("C++ (libpq)", libpq),
                new Entry("JDBC", "jdbc:postgresql://%s:%d/%s?user=%s&password=%s&sslmode=require"
                        .formatted(host, port, db, user, password)),
                new Entry("Node.js", libpq),
                new Entry("PHP", libpq),
                new Entry("psql", "psql \"" + libpq + "\""),
                new Entry("Python", "dbname='%s' user='%s' host='%s' password='%s' port='%d' sslmode='require'"
                        .formatted(db, user, host, password, port)),
                new Entry("Ruby", "host=%s dbname=%s user=%s password=%s port=%d sslmode=require"
                        .formatted(host, db, user, password, port)),
                new Entry("Web App", "Database=%s; Data Source=%s; Port=%d; User Id=%s; Password=%s; Ssl Mode=Require"
                        .formatted(db, host, port, user, password)));
    }
}
