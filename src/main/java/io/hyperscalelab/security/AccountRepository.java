package io.hyperscalelab.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the state database. Sign-in names are stored and looked up in lower case. */
@Repository
public class AccountRepository {

    private static final String COLUMNS =
            "id, username, role, deployment_id, stay_signed_in, welcome_seen, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = ?")
                .param(Usernames.normalize(username))
                .query(AccountRepository::account)
                .optional();
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id).query(AccountRepository::account).optional();
    }

    /** The accounts with these ids that exist, in no particular order. */
    public List<Account> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ANY (?)").param(ids.toArray(Long[]::new))
                .query(AccountRepository::account).list();
    }

    /** The stored password hash, for the sign-in check only. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM account WHERE username = ?")
                .param(Usernames.normalize(username))
                .query(String.class)
                .optional();
    }

    /** Adds an account; a taken username or deployment id fails with Spring's DuplicateKeyException. */
    Account insert(String username, String passwordHash, Role role, DeploymentId deployment) {
        return jdbc.sql("INSERT INTO account (username, password_hash, role, deployment_id) VALUES (?, ?, ?, ?) "
                        + "RETURNING " + COLUMNS)
                .params(Usernames.normalize(username), passwordHash, role.name(), deployment == null ? null : deployment.value())
                .query(AccountRepository::account)
                .single();
    }

    /** A new password for an account, as a hash; false when there is no such account. */
    boolean replacePasswordHash(long accountId, String passwordHash) {
        return jdbc.sql("UPDATE account SET password_hash = ? WHERE id = ?").params(passwordHash, accountId).update() == 1;
    }

    /** "Don't show this again" on "Stay signed in?": keep the answer for every later sign-in. */
    public void rememberStaySignedIn(long accountId, boolean stay) {
        jdbc.sql("UPDATE account SET stay_signed_in = ? WHERE id = ?").params(stay, accountId).update();
    }

    public void markWelcomeSeen(long accountId) {
        jdbc.sql("UPDATE account SET welcome_seen = true WHERE id = ?").param(accountId).update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        int deployment = rs.getInt("deployment_id");
        DeploymentId deploymentId = rs.wasNull() ? null : new DeploymentId(deployment);
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                deploymentId,
                (Boolean) rs.getObject("stay_signed_in"),
                rs.getBoolean("welcome_seen"),
                rs.getTimestamp("created_at").toInstant());
    }
}
