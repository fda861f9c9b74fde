package io.hyperscalelab.security;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The six-digit number the hosted lab gives each learner's deployment. It names everything that is
 * the learner's: the sign-in name {@code odl_user_NNNNNN@hyperscalelab.onmicrosoft.com}, the server
 * group {@code postgresNNNNNN}, the resource group {@code citus-NNNNNN}, and the coordinator's
 * Azure-style host name {@code srvNNNNNN.postgres.database.azure.com}.
 */
public record DeploymentId(int value) {

    public static final int MIN = 100_000;
    public static final int MAX = 999_999;
    /** The tenant part of lab sign-in names, as the hosted lab's {@code *.onmicrosoft.com} directory. */
    public static final String DOMAIN = "hyperscalelab.onmicrosoft.com";
    private static final Pattern SERVER_GROUP_NAME = Pattern.compile("postgres([1-9][0-9]{5})");

    public DeploymentId {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("A deployment id has six digits, not " + value);
        }
    }

    static DeploymentId random(RandomGenerator random) {
        return new DeploymentId(random.nextInt(MIN, MAX + 1));
    }

    public String learnerUsername() {
        return "odl_user_" + value + "@" + DOMAIN;
    }

    /** The deployment whose server group this is by name ({@code postgresNNNNNN}), if it is one's. */
    public static Optional<DeploymentId> ofServerGroupName(String serverGroupName) {
        Matcher name = SERVER_GROUP_NAME.matcher(serverGroupName);
        return name.matches() ? Optional.of(new DeploymentId(Integer.parseInt(name.group(1)))) : Optional.empty();
    }

    public String serverGroupName() {
        return "postgres" + value;
    }

    public String resourceGroupName() {
        return "citus-" + value;
    }

    /** How the portal names the coordinator, as Azure did: {@code srvNNNNNN.postgres.database.azure.com}. */
    public String coordinatorDisplayName() {
        return "srv" + value + ".postgres.database.azure.com";
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
