package io.hyperscalelab.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The cluster behind the portal, as the portal, the query editor, the Cloud Shell and the lab panel
 * use it: the server groups it holds, what each is doing, the changes the portal makes to them and
 * connections as a group's learner. {@link EmbeddedCluster} runs the groups on this machine;
 * {@link RealCitusCluster} keeps them on a real Citus cluster. {@link ActiveCluster} is the one in use.
 */
public interface ServerGroups {

    /** The fewest workers a group has, as Azure's form allows. */
    int MIN_WORKERS = 2;
    /** The most workers a group has, as Azure's form allows. */
    int MAX_WORKERS = 20;

    ClusterKind kind();

    /** Where and as whom a group's learner connects; the group must exist. */
    LearnerEndpoint learnerEndpoint(String name);

    /**
     * The worker count every group has when the cluster decides it (a real Citus cluster has the
     * workers it has); empty when a group gets the count its form asks for.
     */
    OptionalInt fixedWorkerCount();

    /** Every group, by name. */
    List<ServerGroup> groups();

    Optional<ServerGroup> group(String name);

    /**
     * Each node's status, coordinator first. While a group is being created its nodes follow
     * the provisioning.
     *
     * @throws ClusterException when there is no such group
     */
    Map<ServerGroupNode, NodeStatus> status(String name);

    /** The PostgreSQL major versions a new group can run, oldest first: the form's choices. */
    List<Integer> availablePostgresVersions();

    /** Which address stands for whom when connecting to a coordinator; see {@link SourceAddresses}. */
    SourceAddresses sourceAddresses();

    /** Creates a group as the spec says, or fails with a clear message and leaves nothing behind. */
    ServerGroup create(ServerGroupSpec spec);

    /** Removes the group and everything in it. */
    void delete(String name);

    /** Replaces who may connect to the group's coordinator; all of it applies, or nothing changes. */
    ServerGroup replaceFirewall(String name, Firewall firewall);

    /** A new password for the group's learner role, everywhere at once or nowhere. */
    void resetAdminPassword(String name, String newPassword);

    /** The learner's role and password, for running the learner's SQL as the learner. */
    LearnerCredentials learnerCredentials(String name);

    /**
     * A connection to the group's coordinator as its learner role, judged by the group's firewall
     * as one that comes from {@code sourceAddress}, with pgjdbc options of the caller's.
     */
    Connection learnerConnection(String name, String sourceAddress, Properties options) throws SQLException;

    /**
     * The group a connection belongs to when it is the group's learner role on the group's
     * coordinator database, judged by what the server says of it: the port it listens on, the
     * database and the role. Empty for any other connection.
     */
    Optional<ServerGroup> groupOfLearner(int serverPort, String database, String user);

    /**
     * The learner works with the group (a blade of it is open): a cluster that stops idle groups
     * starts this one again in the background. Others have nothing to do.
     */
    default void touch(String name) {
    }

    /**
     * The learner is about to connect to the group: a cluster that stops idle groups starts this
     * one and returns once it accepts connections. Others have nothing to do.
     */
    default void wake(String name) {
    }
}
