package io.hyperscalelab.portal;

import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.DeploymentId;
import io.hyperscalelab.security.Role;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which account created each server group, and so who may open it: its creator, and instructors.
 * The one place that rule lives; every view of a group and every list of groups asks here.
 */
@Repository
public class ServerGroupOwners {

    private final JdbcClient jdbc;

    ServerGroupOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code owner} as the creator of {@code serverGroup}. The caller has checked that no such
     * group exists, so a row left by a group removed outside the portal is stale and is replaced.
     */
    void claim(String serverGroup, Account owner) {
        jdbc.sql("INSERT INTO server_group_owner (server_group, account_id) VALUES (?, ?) "
                        + "ON CONFLICT (server_group) DO UPDATE SET account_id = excluded.account_id, created_at = now()")
                .params(serverGroup, owner.id())
                .update();
    }

    void release(String serverGroup) {
        jdbc.sql("DELETE FROM server_group_owner WHERE server_group = ?").param(serverGroup).update();
    }

    /**
     * Whether {@code name} is another learner's by the lab's naming: {@code postgresNNNNNN} where
     * NNNNNN is the deployment of an account other than {@code learner}. The guide tells each learner
     * to create the group of their own number, so no one else may take it first.
     */
    boolean reservedForAnother(String name, Account learner) {
        return DeploymentId.ofServerGroupName(name)
                .filter(deployment -> !learner.deployment().equals(Optional.of(deployment)))
                .map(deployment -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE deployment_id = ?)")
                        .param(deployment.value()).query(Boolean.class).single())
                .orElse(false);
    }

    /** Instructors see every learner's groups and deployments. */
    static boolean seesEveryGroup(Account account) {
        return account.role() == Role.INSTRUCTOR;
    }

    public boolean mayOpen(Account account, String serverGroup) {
        return visibleTo(account).test(serverGroup);
    }

    /** The groups {@code account} may see, read once: for filtering a list of groups. */
    public Predicate<String> visibleTo(Account account) {
        if (seesEveryGroup(account)) {
            return group -> true;
        }
        Set<String> own = new HashSet<>(jdbc.sql("SELECT server_group FROM server_group_owner WHERE account_id = ?")
                .param(account.id()).query(String.class).list());
        return own::contains;
    }
}
