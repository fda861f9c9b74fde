package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.AdminPassword;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.ServerGroupName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server group form's rules: which field is wrong and the message the portal shows beside it.
 * The rules that also bind the API live in the cluster package ({@link ServerGroupName},
 * {@link AdminPassword}, {@link FirewallRule}, {@link Firewall}) and are only called from here;
 * the rest are the portal's own (required fields, the confirmation, resource group names and tags).
 */
public final class ServerGroupFormRules {

    /** Azure's wording for a required field left empty. */
    public static final String REQUIRED = "The value must not be empty.";
    /** The versions Azure offered for Hyperscale (Citus) server groups (10/2021). */
    static final List<Integer> AZURE_VERSIONS = List.of(11, 12, 13, 14);

    private static final int RESOURCE_GROUP_MAX = 90;
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[\\p{L}\\p{N}_.()-]+");
    private static final int TAG_NAME_MAX = 512;
    private static final int TAG_VALUE_MAX = 256;
    private static final Pattern TAG_NAME_FORBIDDEN = Pattern.compile("[<>%&\\\\?/]");

    /** The problems of one row of a grid, one per column, empty where the cell is fine. */
    public record RowProblems(List<Optional<String>> cells) {

        public Optional<String> first() {
            return cells.stream().flatMap(Optional::stream).findFirst();
        }
    }

    private final Predicate<String> serverGroupNameTaken;
    private final List<Integer> availableVersions;
    private final Set<String> existingResourceGroups;
    private final OptionalInt fixedWorkerCount;

    /** Rules for a cluster where a group gets the worker count its form asks for. */
    public ServerGroupFormRules(Predicate<String> serverGroupNameTaken, Collection<Integer> availableVersions,
                                Collection<String> existingResourceGroups) {
        this(serverGroupNameTaken, availableVersions, existingResourceGroups, OptionalInt.empty());
    }

    /**
     * @param serverGroupNameTaken whether a group of that name exists or is being deployed
     * @param availableVersions    the PostgreSQL major versions the product runs
     * @param existingResourceGroups the learner's resource groups
     * @param fixedWorkerCount     the workers every group has, when the cluster decides (real Citus)
     */
    public ServerGroupFormRules(Predicate<String> serverGroupNameTaken, Collection<Integer> availableVersions,
                                Collection<String> existingResourceGroups, OptionalInt fixedWorkerCount) {
        this.serverGroupNameTaken = serverGroupNameTaken;
        this.availableVersions = List.copyOf(new TreeSet<>(availableVersions));
        this.existingResourceGroups = Set.copyOf(existingResourceGroups);
        this.fixedWorkerCount = fixedWorkerCount;
    }

    /**
     * What the form says beside the worker count when the cluster has a count of its own that
     * differs from the one asked for; the form is not wrong for it, the group simply gets the cluster's.
     */
    public Optional<String> workerCountNote(int asked) {
        if (fixedWorkerCount.isEmpty() || fixedWorkerCount.getAsInt() == asked) {
            return Optional.empty();
        }
        int workers = fixedWorkerCount.getAsInt();
        return Optional.of("This portal runs on a real Citus cluster with " + workers + " worker node" + (workers == 1 ? "" : "s")
                + ": the server group will have its " + workers + ", not " + asked + ".");
    }

    /** The PostgreSQL version list: Azure's versions and the ones this product runs, oldest first. */
    public List<Integer> versions() {
        TreeSet<Integer> all = new TreeSet<>(AZURE_VERSIONS);
        all.addAll(availableVersions);
        return List.copyOf(all);
    }

    public List<Integer> availableVersions() {
        return availableVersions;
    }

    /** The version the form starts with: the newest the product runs ("the latest major version"). */
    public int defaultVersion() {
        return availableVersions.get(availableVersions.size() - 1);
    }

    /** Every problem of the form, in the order of the fields. */
    public Map<FormField, String> problems(ServerGroupForm form) {
        Map<FormField, String> problems = new LinkedHashMap<>();
        for (FormField field : FormField.values()) {
            problem(field, form).ifPresent(message -> problems.put(field, message));
        }
        return problems;
    }

    public Optional<String> problem(FormField field, ServerGroupForm form) {
        return switch (field) {
            case SUBSCRIPTION -> form.subscription().isBlank() ? Optional.of(REQUIRED) : Optional.empty();
            case RESOURCE_GROUP -> resourceGroupProblem(form);
            case SERVER_GROUP_NAME -> serverGroupNameProblem(form.serverGroupName());
            case LOCATION -> locationProblem(form.location());
            case COMPUTE -> form.compute().problem();
            case POSTGRES_VERSION -> versionProblem(form.postgresVersion());
            case ADMIN_PASSWORD -> form.adminPassword().isEmpty() ? Optional.of(REQUIRED)
                    : AdminPassword.problem(form.adminPassword(), AdminPassword.LOGIN);
            case CONFIRM_PASSWORD -> confirmationProblem(form.adminPassword(), form.confirmPassword());
            case CONNECTIVITY -> form.connectivity() == ConnectivityMethod.PRIVATE_ACCESS
                    ? Optional.of("Private access (a private endpoint in a virtual network) is not part of this lab. "
                    + "Choose No access or Public access.")
                    : Optional.empty();
            case FIREWALL_RULES -> firewallRuleProblems(form.effectiveFirewallRules()).stream()
                    .flatMap(row -> row.first().stream()).findFirst();
            case TAGS -> tagProblems(form.tags()).stream().flatMap(row -> row.first().stream()).findFirst();
        };
    }

    public Optional<String> serverGroupNameProblem(String name) {
        Optional<String> problem = ServerGroupName.problem(name);
        if (problem.isPresent()) {
            return problem;
        }
        if (serverGroupNameTaken.test(name)) {
            return Optional.of("The server group name '" + name + "' is already in use.");
        }
        return Optional.empty();
    }

    /** Azure's resource group name rules, for the name typed under "Create new". */
    public Optional<String> newResourceGroupProblem(String name) {
        String candidate = name == null ? "" : name.strip();
        if (candidate.isEmpty()) {
            return Optional.of(REQUIRED);
        }
        if (candidate.length() > RESOURCE_GROUP_MAX) {
            return Optional.of("The name must be between 1 and " + RESOURCE_GROUP_MAX + " characters long.");
        }
        if (!RESOURCE_GROUP.matcher(candidate).matches() || candidate.endsWith(".")) {
            return Optional.of("Resource group names only allow alphanumeric characters, periods, underscores, "
                    + "hyphens and parenthesis and cannot end in a period.");
        }
        if (existingResourceGroups.stream().anyMatch(existing -> existing.equalsIgnoreCase(candidate))) {
            return Optional.of("A resource group with the same name already exists in the selected subscription.");
        }
        return Optional.empty();
    }

    /**
     * For each firewall rule, the problems of its name, start IP and end IP, in the cluster's
     * words: the create form's grid and the Networking blade's ask the rules the API enforces.
     * A name used twice is marked on its second row, once both rows are otherwise valid.
     */
    public static List<RowProblems> firewallRuleProblems(List<FirewallRuleInput> rules) {
        List<RowProblems> rows = new ArrayList<>();
        List<FirewallRule> valid = new ArrayList<>();
        for (FirewallRuleInput rule : rules) {
            Optional<String> name = FirewallRule.nameProblem(rule.name());
            Optional<String> start = FirewallRule.addressProblem(rule.startIp());
            Optional<String> end = FirewallRule.addressProblem(rule.endIp());
            if (start.isEmpty() && end.isEmpty()) {
                end = FirewallRule.rangeProblem(rule.startIp(), rule.endIp());
            }
            if (name.isEmpty() && start.isEmpty() && end.isEmpty()) {
                List<FirewallRule> withThisOne = new ArrayList<>(valid);
                withThisOne.add(rule.toRule());
                name = Firewall.problem(withThisOne);
                if (name.isEmpty()) {
                    valid = withThisOne;
                }
            }
            rows.add(new RowProblems(List.of(name, start, end)));
        }
        return rows;
    }

    /** For each tag, the problems of its name and value. */
    public List<RowProblems> tagProblems(List<ResourceTag> tags) {
        List<RowProblems> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ResourceTag tag : tags) {
            Optional<String> name;
            if (tag.name().isEmpty()) {
                name = Optional.of("The tag name must not be empty.");
            } else if (tag.name().length() > TAG_NAME_MAX) {
                name = Optional.of("Tag names have at most " + TAG_NAME_MAX + " characters.");
            } else if (TAG_NAME_FORBIDDEN.matcher(tag.name()).find()) {
                name = Optional.of("Tag names can't contain these characters: <, >, %, &, \\, ?, /");
            } else if (!names.add(tag.name().toLowerCase(Locale.ROOT))) {
                name = Optional.of("Tag names must be unique; they are not case-sensitive.");
            } else {
                name = Optional.empty();
            }
            Optional<String> value = tag.value().length() > TAG_VALUE_MAX
                    ? Optional.of("Tag values have at most " + TAG_VALUE_MAX + " characters.") : Optional.empty();
            rows.add(new RowProblems(List.of(name, value)));
        }
        return rows;
    }

    private Optional<String> resourceGroupProblem(ServerGroupForm form) {
        if (form.resourceGroup().isEmpty()) {
            return Optional.of(REQUIRED);
        }
        if (form.newResourceGroup()) {
            return newResourceGroupProblem(form.resourceGroup());
        }
        return existingResourceGroups.contains(form.resourceGroup()) ? Optional.empty()
                : Optional.of("Choose a resource group from the list, or create a new one.");
    }

    private static Optional<String> locationProblem(String location) {
        if (location.isEmpty()) {
            return Optional.of(REQUIRED);
        }
        return Locations.ALL.contains(location) ? Optional.empty() : Optional.of("Choose a location from the list.");
    }

    private Optional<String> versionProblem(Integer version) {
        if (version == null) {
            return Optional.of(REQUIRED);
        }
        if (availableVersions.contains(version)) {
            return Optional.empty();
        }
        String available = availableVersions.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return Optional.of("PostgreSQL " + version + " is not available in this lab. Available "
                + (availableVersions.size() == 1 ? "version: " : "versions: ") + available + ".");
    }

    /** The Confirm password field's rule, here and in the Reset the password dialog. */
    public static Optional<String> confirmationProblem(String password, String confirmation) {
        if (confirmation == null || confirmation.isEmpty()) {
            return Optional.of(REQUIRED);
        }
        return confirmation.equals(password) ? Optional.empty() : Optional.of("Password and confirm password must match.");
    }
}
