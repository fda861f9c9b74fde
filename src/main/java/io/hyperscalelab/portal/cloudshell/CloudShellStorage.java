package io.hyperscalelab.portal.cloudshell;

import io.hyperscalelab.portal.Locations;
import io.hyperscalelab.security.Account;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Azure file share a learner's Cloud Shell keeps its files on, as "Create storage" set it up
 * on the first run. The names follow Azure's rules ({@link #storageAccountProblem},
 * {@link #fileShareProblem}); the files themselves live in the learner's Cloud Shell home.
 */
record CloudShellStorage(String region, String resourceGroup, String storageAccount, String fileShare) {

    private static final Pattern STORAGE_ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern FILE_SHARE = Pattern.compile("[a-z0-9](-?[a-z0-9])+");
    private static final int FILE_SHARE_MIN = 3;
    private static final int FILE_SHARE_MAX = 63;

    /** The region Cloud Shell proposes: the portal's default location, without its geography. */
    static final String DEFAULT_REGION = Locations.withoutGeography(Locations.DEFAULT);

    /**
     * What the storage dialog proposes, as in the hosted lab: the learner's resource group
     * {@code citus-NNNNNN}, storage account {@code saNNNNNN} and file share {@code fsNNNNNN};
     * for an account without a lab, Azure's own pattern of a new {@code cloud-shell-storage-<region>}
     * resource group.
     */
    static CloudShellStorage proposedFor(Account account) {
        return account.deployment()
                .map(id -> new CloudShellStorage(DEFAULT_REGION, id.resourceGroupName(), "sa" + id, "fs" + id))
                .orElseGet(() -> new CloudShellStorage(DEFAULT_REGION, defaultResourceGroup(DEFAULT_REGION),
                        String.format(Locale.ROOT, "cs%010d", account.id()), "cs-" + account.id()));
    }

    /** Azure's name for a Cloud Shell resource group of its own: {@code cloud-shell-storage-eastus}. */
    static String defaultResourceGroup(String region) {
        return "cloud-shell-storage-" + region.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static Optional<String> storageAccountProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("The value must not be empty.");
        }
        if (!STORAGE_ACCOUNT.matcher(name).matches()) {
            return Optional.of("The storage account name must be between 3 and 24 characters long and may contain "
                    + "numbers and lowercase letters only.");
        }
        return Optional.empty();
    }

    static Optional<String> fileShareProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("The value must not be empty.");
        }
        if (name.length() < FILE_SHARE_MIN || name.length() > FILE_SHARE_MAX || !FILE_SHARE.matcher(name).matches()) {
            return Optional.of("The file share name must be between " + FILE_SHARE_MIN + " and " + FILE_SHARE_MAX
                    + " characters long: lowercase letters, numbers and single hyphens, starting and ending with a letter or a number.");
        }
        return Optional.empty();
    }
}
