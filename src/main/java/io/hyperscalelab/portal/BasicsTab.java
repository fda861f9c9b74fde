package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.hyperscalelab.cluster.AdminPassword;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The Basics tab: project details, server group details and the administrator account. */
final class BasicsTab extends Div {

    private final ServerGroupFormRules rules;
    private final Consumer<FormField> touched;
    private final Select<String> subscription = new Select<>();
    private final Select<String> resourceGroup = new Select<>();
    private final List<String> resourceGroups;
    private String createdResourceGroup;
    private final TextField name = new TextField();
    private final Icon nameCheck = VaadinIcon.CHECK_CIRCLE.create();
    private final Select<String> location = new Select<>();
    private final Span computeHeadline = new Span();
    private final Span computeDetails = new Span();
    private final Span computeError = new Span();
    private final Select<Integer> version = new Select<>();
    private final PasswordField password = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final Map<FormField, HasValidationProperties> fields = new EnumMap<>(FormField.class);

    BasicsTab(ServerGroupFormRules rules, List<String> resourceGroups, ServerGroupForm initial,
              Consumer<FormField> touched, Runnable configure) {
        this.rules = rules;
        this.touched = touched;
        this.resourceGroups = new ArrayList<>(resourceGroups);
        addClassName("form-tab");
        setId("basics-tab");

        Paragraph intro = new Paragraph("Create a Hyperscale (Citus) server group. Hyperscale (Citus) server groups enable "
                + "you to horizontally scale your Postgres relational database across multiple managed Postgres servers "
                + "using sharding and replication. ");
        intro.add(new Anchor("https://learn.microsoft.com/azure/cosmos-db/postgresql/introduction", "Learn more",
                AnchorTarget.BLANK));

        subscription.setItems(initial.subscription());
        subscription.setValue(initial.subscription());
        watch(subscription, FormField.SUBSCRIPTION, "subscription", "Subscription");

        resourceGroup.setItems(this.resourceGroups);
        resourceGroup.setPlaceholder("Select a resource group");
        resourceGroup.setItemLabelGenerator(rg -> rg.equals(createdResourceGroup) ? "(New) " + rg : rg);
        watch(resourceGroup, FormField.RESOURCE_GROUP, "resource-group", "Resource group");

        name.setId("server-group-name");
        name.setAriaLabel("Server group name");
        name.setPlaceholder("Enter server group name");
        name.setValueChangeMode(ValueChangeMode.EAGER);
        nameCheck.addClassName("valid-check");
        nameCheck.setVisible(false);
        Span domain = new Span("." + AzureNames.DOMAIN);
        domain.addClassName("name-domain");
        name.setSuffixComponent(new Span(nameCheck, domain));
        watch(name, FormField.SERVER_GROUP_NAME);

        location.setItems(Locations.ALL);
        location.setValue(initial.location());
        watch(location, FormField.LOCATION, "location", "Location");

        Anchor configureLink = new Anchor();
        configureLink.setText("Configure server group");
        configureLink.setId("configure-server-group");
        configureLink.getElement().setAttribute("href", "#");
        configureLink.getElement().addEventListener("click", click -> configure.run()).preventDefault();
        computeHeadline.addClassName("compute-headline");
        computeDetails.addClassName("compute-details");
        computeError.addClassName("field-error");
        computeError.setId("compute-error");
        Div computeSummary = new Div(computeHeadline, computeDetails, configureLink, computeError);
        computeSummary.addClassName("compute-summary");
        computeSummary.setId("compute-summary");

        version.setItems(rules.versions());
        version.setItemLabelGenerator(String::valueOf);
        version.setValue(initial.postgresVersion());
        watch(version, FormField.POSTGRES_VERSION, "postgres-version", "PostgreSQL version");

        TextField adminUser = new TextField();
        adminUser.setValue(AdminPassword.LOGIN);
        adminUser.setReadOnly(true);
        adminUser.setId("admin-username");
        adminUser.setAriaLabel("Admin username");

        password.setId("admin-password");
        password.setAriaLabel("Password");
        password.setValueChangeMode(ValueChangeMode.EAGER);
        watch(password, FormField.ADMIN_PASSWORD);
        confirmation.setId("confirm-password");
        confirmation.setAriaLabel("Confirm password");
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        watch(confirmation, FormField.CONFIRM_PASSWORD);

        add(intro,
                FormRow.section("Project details", "Select the subscription to manage deployed resources and costs. "
                        + "Use resource groups like folders to organize and manage all your resources."),
                new FormRow("Subscription", true, "All resources in an Azure subscription are billed together.", subscription),
                new FormRow("Resource group", true, "A resource group is a collection of resources that share the same "
                        + "lifecycle, permissions, and policies.", resourceGroup).below(createNewResourceGroup()),
                FormRow.section("Server group details", "Enter required settings for this server group, including picking "
                        + "a location and configuring the compute and storage resources with between 2 and 20 worker nodes."),
                new FormRow("Server group name", true, "The domain name " + AzureNames.DOMAIN + " is appended to the "
                        + "server group name you provide. The name can contain only lowercase letters, numbers, and the "
                        + "hyphen (-) character, between 3 and 40 characters, and must not start or end with a hyphen.", name),
                new FormRow("Location", true, "The location that is closest to you.", location),
                new FormRow("Compute + storage", true, "The tier, the number of worker nodes and the size of each node.",
                        computeSummary),
                new FormRow("PostgreSQL version", true, "The latest PostgreSQL major version, unless you have specific "
                        + "requirements. This lab runs PostgreSQL " + join(rules.availableVersions()) + ".", version),
                FormRow.section("Administrator account", null),
                new FormRow("Admin username", false, "Currently required to be the value citus, and can't be changed.",
                        adminUser),
                new FormRow("Password", true, "Between " + AdminPassword.MIN_LENGTH + " and " + AdminPassword.MAX_LENGTH
                        + " characters, from three of these categories: English uppercase letters, English lowercase "
                        + "letters, numbers (0-9), and non-alphanumeric characters (!, $, #, %, etc.).", password),
                new FormRow("Confirm password", true, null, confirmation));
    }

    String subscription() {
        return subscription.getValue();
    }

    String resourceGroup() {
        return resourceGroup.getValue();
    }

    boolean newResourceGroup() {
        return resourceGroup.getValue() != null && resourceGroup.getValue().equals(createdResourceGroup);
    }

    String serverGroupName() {
        return name.getValue();
    }

    String location() {
        return location.getValue();
    }

    Integer version() {
        return version.getValue();
    }

    String password() {
        return password.getValue();
    }

    String confirmation() {
        return confirmation.getValue();
    }

    void showCompute(ComputeConfiguration compute) {
        computeHeadline.setText(compute.headline());
        computeDetails.setText(compute.sizeLine() + ", "
                + MonthlyCostEstimate.format(MonthlyCostEstimate.total(compute)) + " / month");
    }

    /** Shows each problem beside its field, for the fields the learner has touched. */
    void showProblems(Map<FormField, String> problems, Set<FormField> shown) {
        fields.forEach((field, component) -> {
            String problem = shown.contains(field) ? problems.get(field) : null;
            component.setInvalid(problem != null);
            component.setErrorMessage(problem);
        });
        String computeProblem = shown.contains(FormField.COMPUTE) ? problems.get(FormField.COMPUTE) : null;
        computeError.setText(computeProblem == null ? "" : computeProblem);
        computeError.setVisible(computeProblem != null);
        nameCheck.setVisible(!name.getValue().isEmpty() && !problems.containsKey(FormField.SERVER_GROUP_NAME));
    }

    private Component createNewResourceGroup() {
        Div callout = new Div();
        callout.addClassName("callout");
        callout.setVisible(false);
        TextField newName = new TextField();
        newName.setId("new-resource-group-name");
        newName.setAriaLabel("Name");
        newName.setManualValidation(true);
        newName.setValueChangeMode(ValueChangeMode.EAGER);
        newName.addValueChangeListener(event -> {
            String problem = rules.newResourceGroupProblem(event.getValue()).orElse(null);
            newName.setInvalid(problem != null);
            newName.setErrorMessage(problem);
        });
        Button ok = new Button("OK", click -> {
            String problem = rules.newResourceGroupProblem(newName.getValue()).orElse(null);
            newName.setInvalid(problem != null);
            newName.setErrorMessage(problem);
            if (problem == null) {
                if (createdResourceGroup != null) {
                    resourceGroups.remove(createdResourceGroup);
                }
                createdResourceGroup = newName.getValue().strip();
                resourceGroups.add(0, createdResourceGroup);
                resourceGroup.setItems(resourceGroups);
                resourceGroup.setValue(createdResourceGroup);
                callout.setVisible(false);
                touched.accept(FormField.RESOURCE_GROUP);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("new-resource-group-ok");
        Button cancel = new Button("Cancel", click -> callout.setVisible(false));
        Div buttons = new Div(ok, cancel);
        buttons.addClassName("callout-buttons");
        callout.add(new Paragraph("A resource group is a container that holds related resources for an Azure solution."),
                new FormRow("Name", true, null, newName), buttons);

        Anchor link = new Anchor();
        link.setText("Create new");
        link.setId("create-new-resource-group");
        link.getElement().setAttribute("href", "#");
        link.getElement().addEventListener("click", click -> {
            newName.setValue(createdResourceGroup == null ? "" : createdResourceGroup);
            newName.setInvalid(false);
            callout.setVisible(true);
            newName.focus();
        }).preventDefault();
        return new Div(link, callout);
    }

    // A field counts as touched once the learner changes it or leaves it.
    private <C extends Component & HasValue<?, ?> & HasValidationProperties> void watch(C field, FormField formField) {
        fields.put(formField, field);
        field.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                touched.accept(formField);
            }
        });
        field.getElement().addEventListener("focusout", blur -> touched.accept(formField));
        if (field instanceof TextField text) {
            text.setManualValidation(true);
        } else if (field instanceof PasswordField secret) {
            secret.setManualValidation(true);
        }
    }

    private void watch(Select<?> select, FormField formField, String id, String label) {
        select.setId(id);
        select.setAriaLabel(label);
        select.setManualValidation(true);
        watch(select, formField);
    }

    private static String join(List<Integer> versions) {
        return String.join(", ", versions.stream().map(String::valueOf).toList());
    }
}
