package io.hyperscalelab.cluster;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.util.PSQLException;

/**
 * Checks that the configured URL leads to a Citus coordinator the portal can keep server groups
 * on, and says exactly what is wrong when it does not: a host nobody knows, a port nothing
 * listens on, a server that does not answer, a refused password, a database or Citus extension
 * that is not there, a Citus too old, a worker instead of the coordinator, a role that may not
 * create roles and schemas.
 */
public final class CitusProbe {

    /**
     * The oldest Citus whose coordinator passes CREATE ROLE, GRANT and CREATE SCHEMA on to the
     * workers, which is how a server group comes to exist on every node.
     */
    static final CitusVersion MINIMUM = new CitusVersion(11, 0);

    private CitusProbe() {
    }

    public static CitusHealth check(CitusUrl url, int timeoutSeconds) {
        try (Connection c = connect(url, timeoutSeconds); Statement s = c.createStatement()) {
            String postgres = single(s, "SELECT current_setting('server_version')");
            String extension = single(s, "SELECT extversion FROM pg_extension WHERE extname = 'citus'");
            if (extension == null) {
                return failed(url, noExtension(url, postgres, single(s,
                        "SELECT default_version FROM pg_available_extensions WHERE name = 'citus'")));
            }
            CitusVersion version = CitusVersion.parse(extension);
            if (version.olderThan(MINIMUM)) {
                return failed(url, "The coordinator at " + url.endpoint() + " runs Citus " + extension + ". The portal needs Citus "
                        + MINIMUM + " or newer, whose coordinator passes the roles and schemas of server groups on to "
                        + "the workers: upgrade Citus, or point hyperscale.citus.url at a newer cluster.");
            }
            if (exists(s, "citus_is_coordinator") && "f".equals(single(s, "SELECT citus_is_coordinator()"))) {
                return failed(url, url.host() + ":" + url.port() + " is a Citus worker, not the coordinator: point "
                        + "hyperscale.citus.url at the coordinator.");
            }
            String rights = single(s, "SELECT (r.rolsuper OR r.rolcreaterole)::text || ',' "
                    + "|| has_database_privilege(current_database(), 'CREATE')::text FROM pg_roles r WHERE r.rolname = current_user");
            if (rights == null || !rights.equals("true,true")) {
                return failed(url, "The role " + url.user() + " may not create " + (rights != null && rights.startsWith("true")
                        ? "schemas in database " + url.database() : "roles") + " on the coordinator: each server group is a "
                        + "role and a schema of its own. Use the cluster's admin role, or GRANT it CREATEROLE and CREATE "
                        + "on the database.");
            }
            String build = exists(s, "citus_version") ? single(s, "SELECT citus_version()") : null;
            return new CitusHealth(url.endpoint(), Instant.now(), null, extension, build, postgres, workers(s));
        } catch (SQLException e) {
            return failed(url, connectionProblem(url, e, timeoutSeconds));
        }
    }

    /** A connection as the URL's user, failing within the timeout rather than libpq's default minutes. */
    static Connection connect(CitusUrl url, int timeoutSeconds) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        if (url.password() != null) {
            p.setProperty("password", url.password());
        }
        p.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
        p.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
        p.setProperty("ApplicationName", "Hyperscale Lab portal");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    /** The primary workers, as the coordinator knows them. */
    static List<CitusHealth.Worker> workers(Statement s) throws SQLException {
        List<CitusHealth.Worker> workers = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT nodeid, nodename, nodeport, isactive FROM pg_dist_node "
                + "WHERE groupid <> 0 AND noderole = 'primary' ORDER BY nodeid")) {
            while (rs.next()) {
                workers.add(new CitusHealth.Worker(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)));
            }
        }
        return workers;
    }

    /** The connection's failure in words: which of the URL's parts is wrong, or what the server said. */
    static String connectionProblem(CitusUrl url, SQLException e, int timeoutSeconds) {
        String at = url.host() + ":" + url.port();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "The host " + url.host() + " in hyperscale.citus.url is not known here (no such name in DNS): "
                        + "check its spelling, and that this machine can resolve it.";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return "Nothing accepts connections at " + at + " (" + cause.getMessage() + "): is the Citus coordinator "
                        + "running, and is the port in hyperscale.citus.url the one it listens on?";
            }
            // pgjdbc's loginTimeout ends a connection that opened but never answered
            if (cause instanceof SocketTimeoutException
                    || "08001".equals(e.getSQLState()) && String.valueOf(cause.getMessage()).contains("timed out")) {
                return at + " did not answer within " + timeoutSeconds + " s: a firewall may drop the connection, or the "
                        + "host is down.";
            }
        }
        if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            String state = e.getSQLState();
            String message = pe.getServerErrorMessage().getMessage();
            if ("28P01".equals(state)) {
                return "The coordinator at " + at + " refused the password of " + url.user() + " (" + message + ").";
            }
            if ("3D000".equals(state)) {
                return "The coordinator at " + at + " has no database " + url.database() + " (" + message + "): check the "
                        + "database in hyperscale.citus.url.";
            }
            return "The coordinator at " + at + " refused the connection: " + message;
        }
        return "The coordinator at " + at + " cannot be reached: " + e.getMessage();
    }

    private static String noExtension(CitusUrl url, String postgres, String available) {
        String server = "The server at " + url.host() + ":" + url.port() + " (PostgreSQL " + postgres + ")";
        if (available != null) {
            return server + " has Citus, but database " + url.database() + " does not use it: run CREATE EXTENSION citus; "
                    + "in that database as a superuser, or point hyperscale.citus.url at the database that has it.";
        }
        return server + " has no citus extension: it is a plain PostgreSQL. Point hyperscale.citus.url at a Citus "
                + "coordinator (docker/ in this project starts one).";
    }

    private static CitusHealth failed(CitusUrl url, String problem) {
        return CitusHealth.failed(url.endpoint(), problem);
    }

    // a function named in a query must exist even in a branch that is not taken: ask first
    private static boolean exists(Statement s, String function) throws SQLException {
        return single(s, "SELECT to_regproc('pg_catalog." + function + "')") != null;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
