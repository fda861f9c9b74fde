package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.security.SignedInAccount;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The server groups the signed-in account may see: the ones they created (and for an instructor,
 * their classes' learners' groups). Views list and open groups only through here, so that another learner's group is
 * as absent as a deleted one.
 */
@Component
public class VisibleServerGroups {

    private final ServerGroups cluster;
    private final ServerGroupOwners owners;
    private final SignedInAccount signedIn;

    VisibleServerGroups(ServerGroups cluster, ServerGroupOwners owners, SignedInAccount signedIn) {
        this.cluster = cluster;
        this.owners = owners;
        this.signedIn = signedIn;
    }

    public List<ServerGroup> all() {
        Predicate<String> visible = visible();
        return cluster.groups().stream().filter(group -> visible.test(group.name())).toList();
    }

    public Optional<ServerGroup> find(String name) {
        return visible().test(name) ? cluster.group(name) : Optional.empty();
    }

    /** Whether the signed-in account may follow this deployment: theirs, even when it failed. */
    public boolean mayFollow(Deployment deployment) {
        return signedIn.get().filter(account -> owners.mayFollow(account, deployment.ownerAccountId())).isPresent();
    }

    private Predicate<String> visible() {
        return signedIn.get().map(owners::visibleTo).orElse(name -> false);
    }
}
