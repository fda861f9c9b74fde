package io.hyperscalelab.instructor.demo;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.portal.ServerGroupOwners;
import io.hyperscalelab.portal.ServerGroupProvisioner;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.Role;
import io.hyperscalelab.shell.CloudShell;
import org.springframework.stereotype.Service;

/** Starts demo presentations, for instructors only. */
@Service
public class DemoRuns {

    private final ServerGroupProvisioner provisioner;
    private final ServerGroupOwners owners;
    private final EmbeddedCluster cluster;
    private final CloudShell cloudShell;
    private final BreakdownHistory history;

    DemoRuns(ServerGroupProvisioner provisioner, ServerGroupOwners owners, EmbeddedCluster cluster, CloudShell cloudShell,
             BreakdownHistory history) {
        this.provisioner = provisioner;
        this.owners = owners;
        this.cluster = cluster;
        this.cloudShell = cloudShell;
        this.history = history;
    }

    public DemoRun start(Account instructor) {
        if (instructor.role() != Role.INSTRUCTOR) {
            throw new IllegalArgumentException(instructor.username() + " is not an instructor");
        }
        return new DemoRun(instructor, provisioner, owners, cluster, cloudShell, history);
    }
}
