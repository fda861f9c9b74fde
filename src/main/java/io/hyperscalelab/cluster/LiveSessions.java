package io.hyperscalelab.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Who is connected to a node, as its {@code pg_stat_activity} shows: any client session (a
 * learner's psql, the query editor, the Cloud Shell, the coordinator's own connections to its
 * workers) keeps a group from being stopped for idleness. Two kinds do not count: the session
 * asking, and the product's pooled connections that wait unused ({@link #POOLED_APPLICATION_NAME},
 * e.g. the loader's), which go away on their own and reconnect after a restart.
 */
public final class LiveSessions {

    /** The application name of the product's pooled connections that may be cut when their group stops. */
    public static final String POOLED_APPLICATION_NAME = "hyperscale-lab loader";

    private LiveSessions() {
    }

    /** The client sessions on the node {@code superuser} is connected to, other than itself and idle pooled ones. */
    static int count(Connection superuser) throws SQLException {
        try (PreparedStatement ps = superuser.prepareStatement("""
                SELECT count(*)::int FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                  AND NOT (application_name = ? AND state = 'idle')""")) {
            ps.setString(1, POOLED_APPLICATION_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
