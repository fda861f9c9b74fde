package io.hyperscalelab.cluster;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A server group name that obeys the portal's rules. The name becomes a directory name and a
 * host-name label, so it is checked here, once, before it reaches a path or DDL; the portal's
 * form asks {@link #problem(String)} for the same message it shows beside the field.
 */
public record ServerGroupName(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9-]+");

    public ServerGroupName {
        problem(value).ifPresent(message -> {
            throw new ClusterException(message);
        });
    }

    /** Why {@code candidate} is not a valid server group name, or empty when it is. */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of("The value must not be empty.");
        }
        if (candidate.length() < MIN_LENGTH || candidate.length() > MAX_LENGTH) {
            return Optional.of("The server group name must be between " + MIN_LENGTH + " and " + MAX_LENGTH
                    + " characters long.");
        }
        if (!ALLOWED.matcher(candidate).matches()) {
            return Optional.of("The server group name can only contain lowercase letters, numbers, and hyphens.");
        }
        if (candidate.startsWith("-") || candidate.endsWith("-")) {
            return Optional.of("The server group name must not start or end with a hyphen.");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
