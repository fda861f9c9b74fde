package io.hyperscalelab.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each account last used the portal, for the instructor's dashboard. Every request of a
 * signed-in user counts ({@link ActivityFilter}); the database is written at most once per
 * {@link #RESOLUTION} per account, since the dashboard shows minutes, not milliseconds.
 */
@Repository
public class LastActivity {

    static final Duration RESOLUTION = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();
    /** The last time written, per sign-in name. */
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    LastActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code username} did something just now. */
    public void touch(String username) {
        Instant now = clock.instant();
        Instant last = written.get(username);
        if (last != null && Duration.between(last, now).compareTo(RESOLUTION) < 0) {
            return;
        }
        written.put(username, now);
        jdbc.sql("UPDATE account SET last_active_at = ? WHERE username = ?")
                .params(java.sql.Timestamp.from(now), Usernames.normalize(username)).update();
    }
}
