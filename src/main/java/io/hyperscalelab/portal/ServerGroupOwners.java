package io.hyperscalelab.portal;

import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.DeploymentId;
import io.hyperscalelab.security.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which account created each server group, and so who may open it: its creator, and the
 * instructor of the class the creator is in. The one place that rule lives; every view of a
 * group and every list of groups asks here.
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
    public void claim(String serverGroup, Account owner) {
        jdbc.sql("INSERT INTO server_group_owner (server_group, account_id) VALUES (?, ?) "
                        + "ON CONFLICT (server_group) DO UPDATE SET account_id = excluded.account_id, created_at = now()")
                .params(serverGroup, owner.id())
                .update();
    }

    public void release(String serverGroup) {
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

    /** The groups {@code accountId} created, by name. */
    public List<String> groupsOf(long accountId) {
        return jdbc.sql("SELECT server_group FROM server_group_owner WHERE account_id = ? ORDER BY server_group")
                .param(accountId).query(String.class).list();
    }

    /** The groups each of these accounts created, by name; an account without any may be missing. */
    public Map<Long, List<String>> groupsOf(Collection<Long> accountIds) {
        Map<Long, List<String>> groups = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("SELECT account_id, server_group FROM server_group_owner WHERE account_id = ANY (?) ORDER BY server_group")
                    .param(accountIds.toArray(Long[]::new))
                    .query((rs, row) -> groups.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
        }
        return groups;
    }

    public boolean mayOpen(Account account, String serverGroup) {
        return visibleTo(account).test(serverGroup);
    }

    /**
     * The groups {@code account} may see, read once: for filtering a list of groups. A learner
     * sees their own; an instructor their own (a demo group, say) and those of the learners in
     * their classes.
     */
    public Predicate<String> visibleTo(Account account) {
        Set<String> visible = new HashSet<>(account.role() == Role.INSTRUCTOR
                ? jdbc.sql("SELECT o.server_group FROM server_group_owner o WHERE o.account_id = :me OR o.account_id IN "
                        + "(SELECT m.account_id FROM class_member m JOIN classroom c ON c.id = m.class_id "
                        + "WHERE c.instructor_id = :me)").param("me", account.id()).query(String.class).list()
                : groupsOf(account.id()));
        return visible::contains;
    }

    /** Whether {@code account} may follow a deployment that {@code ownerAccountId} started. */
    boolean mayFollow(Account account, long ownerAccountId) {
        if (account.id() == ownerAccountId) {
            return true;
        }
        return account.role() == Role.INSTRUCTOR && jdbc.sql("SELECT EXISTS (SELECT 1 FROM class_member m JOIN classroom c "
                        + "ON c.id = m.class_id WHERE m.account_id = ? AND c.instructor_id = ?)")
                .params(ownerAccountId, account.id()).query(Boolean.class).single();
    }
}
