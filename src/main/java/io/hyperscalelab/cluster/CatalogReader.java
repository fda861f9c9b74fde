package io.hyperscalelab.cluster;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coordinator's read-only role, {@value #ROLE}: what the product uses to look at a learner's
 * work (the lab's self-checks) without the learner's rights and without a superuser's. It can
 * read every table and the catalog ({@code pg_read_all_data}), never write: its sessions are read
 * only, and time out. It logs in over TLS from the product's address only (see {@link PgHba}),
 * with a password made when this app first needs it and held in memory only, so it is set again
 * on each coordinator the first time after every start of the app.
 *
 * <p>A superuser session that switches to a weaker role ({@code SET ROLE}) is no such thing: code
 * it runs (a learner's view, a row security policy) could switch back. A login role cannot.
 */
final class CatalogReader {

    static final String ROLE = "lab_reader";
    private static final int STATEMENT_TIMEOUT_MS = 15_000;
    private static final int LOCK_TIMEOUT_MS = 3_000;

    private final String password = newPassword();
    /** The coordinators (by group and creation time) that have the role with this run's password. */
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();

    /**
     * A read-only session on the group's coordinator, creating or refreshing the role first if this
     * app has not yet done so on this coordinator.
     */
    Connection open(ServerGroup group, CoordinatorAccess.SuperuserConnections superuser) throws SQLException {
        String key = group.name() + "@" + group.createdAt();
        if (!ready.containsKey(key)) {
            // one at a time, so that two first checks do not both create the role
            synchronized (this) {
                if (!ready.containsKey(key)) {
                    prepare(superuser);
                    ready.put(key, true);
                }
            }
        }
        Properties options = new Properties();
        options.setProperty("user", ROLE);
        options.setProperty("password", password);
        options.setProperty("ApplicationName", "Hyperscale Lab checks");
        options.setProperty("readOnly", "true");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + group.coordinator().port() + "/"
                + NodeTemplates.DATABASE + "?sslmode=require", options);
    }

    private void prepare(CoordinatorAccess.SuperuserConnections superuser) throws SQLException {
        try (Connection c = superuser.open(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '" + ROLE + "') THEN "
                    + "CREATE ROLE " + ROLE + " LOGIN; END IF; END $$");
            s.execute("GRANT pg_read_all_data TO " + ROLE);
            // settings of the role itself, so that no statement of a session has to remember them
            s.execute("ALTER ROLE " + ROLE + " SET default_transaction_read_only = on");
            s.execute("ALTER ROLE " + ROLE + " SET statement_timeout = " + STATEMENT_TIMEOUT_MS);
            s.execute("ALTER ROLE " + ROLE + " SET lock_timeout = " + LOCK_TIMEOUT_MS);
            s.execute("ALTER ROLE " + ROLE + " SET search_path = pg_catalog, public");
            s.execute("ALTER ROLE " + ROLE + " PASSWORD '" + password + "'");
        }
    }

    // letters and digits only: it goes into SQL text as a literal
    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'a').replace('_', 'b');
    }
}
