package io.hyperscalelab.portal.cloudshell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.hyperscalelab.portal.LabSubscription;
import io.hyperscalelab.portal.Locations;
import io.hyperscalelab.portal.ServerGroupFormRules;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first run's "You have no storage mounted": the subscription, and behind "Show advanced
 * settings" the Cloud Shell region, the resource group (the learner's own, or a new one), the
 * storage account and the file share, each checked with Azure's rules before Create storage.
 */
final class StoragePanel extends Div {

    private static final String CREATE_NEW = "Create new";
    private static final String USE_EXISTING = "Use existing";

    private final Select<String> subscription = new Select<>();
    private final Select<String> region = new Select<>();
    private final RadioButtonGroup<String> resourceGroupChoice = new RadioButtonGroup<>();
    private final Select<String> existingResourceGroup = new Select<>();
    private final TextField newResourceGroup = new TextField();
    private final TextField storageAccount = new TextField();
    private final TextField fileShare = new TextField();
    private final Div advanced = new Div();
    private final Button advancedToggle = new Button();
    private final ServerGroupFormRules resourceGroupRules;
    private final Function<CloudShellStorage, Optional<String>> create;

    /**
     * @param resourceGroups   the learner's resource groups, for "Use existing"
     * @param powerShellChosen whether the learner picked PowerShell, which this lab answers with Bash
     * @param create           makes the storage; returns why the storage account name cannot be used, or empty once done
     * @param close            the dialog's Close: Cloud Shell closes without storage
     */
    StoragePanel(CloudShellStorage proposed, List<String> resourceGroups, boolean powerShellChosen,
                 Function<CloudShellStorage, Optional<String>> create, Runnable close) {
        this.create = create;
        this.resourceGroupRules = new ServerGroupFormRules(name -> false, List.of(), resourceGroups);
        addClassName("cloud-shell-storage");

        H2 title = new H2("You have no storage mounted");
        if (powerShellChosen) {
            Paragraph bashOnly = new Paragraph("PowerShell is not part of this lab: its steps (curl, psql) run in Bash, "
                    + "so Cloud Shell opens Bash.");
            bashOnly.addClassName("cloud-shell-bash-only");
            bashOnly.setId("cloud-shell-bash-only");
            add(title, bashOnly);
        } else {
            add(title);
        }
        add(new Paragraph(new Span("Azure Cloud Shell requires an Azure file share to persist files. "),
                        link("Learn more", "https://learn.microsoft.com/azure/cloud-shell/persisting-shell-storage")),
                new Paragraph(new Span("This will create a new storage account for you and this will incur a small monthly cost. "),
                        link("View pricing", "https://azure.microsoft.com/pricing/details/storage/files/")));

        subscription.setLabel("Subscription");
        subscription.setItems(LabSubscription.DEFAULT.name());
        subscription.setValue(LabSubscription.DEFAULT.name());
        subscription.setId("cloud-shell-subscription");

        region.setLabel("Cloud Shell region");
        region.setItems(Locations.ALL.stream().map(Locations::withoutGeography).sorted().toList());
        region.setValue(proposed.region());
        region.setId("cloud-shell-region");

        resourceGroupChoice.setLabel("Resource group");
        resourceGroupChoice.setItems(CREATE_NEW, USE_EXISTING);
        resourceGroupChoice.setId("cloud-shell-resource-group-choice");
        existingResourceGroup.setItems(resourceGroups);
        existingResourceGroup.setId("cloud-shell-resource-group");
        newResourceGroup.setId("cloud-shell-new-resource-group");
        boolean useExisting = resourceGroups.contains(proposed.resourceGroup());
        resourceGroupChoice.setValue(useExisting ? USE_EXISTING : CREATE_NEW);
        resourceGroupChoice.setItemEnabledProvider(item -> item.equals(CREATE_NEW) || !resourceGroups.isEmpty());
        existingResourceGroup.setValue(useExisting ? proposed.resourceGroup() : resourceGroups.stream().findFirst().orElse(null));
        newResourceGroup.setValue(useExisting ? CloudShellStorage.defaultResourceGroup(proposed.region()) : proposed.resourceGroup());
        resourceGroupChoice.addValueChangeListener(change -> showResourceGroupInput());
        newResourceGroup.addValueChangeListener(change -> check(newResourceGroup, resourceGroupRules.newResourceGroupProblem(change.getValue())));
        showResourceGroupInput();

        storageAccount.setValue(proposed.storageAccount());
        storageAccount.setId("cloud-shell-storage-account");
        storageAccount.addValueChangeListener(change -> check(storageAccount, CloudShellStorage.storageAccountProblem(change.getValue())));
        fileShare.setValue(proposed.fileShare());
        fileShare.setId("cloud-shell-file-share");
        fileShare.addValueChangeListener(change -> check(fileShare, CloudShellStorage.fileShareProblem(change.getValue())));

        Div left = new Div(region);
        left.addClassName("cloud-shell-storage-column");
        Div right = new Div(resourceGroupChoice, existingResourceGroup, newResourceGroup,
                createOnly("Storage account", "cloud-shell-storage-account-choice"), storageAccount,
                createOnly("File share", "cloud-shell-file-share-choice"), fileShare);
        right.addClassName("cloud-shell-storage-column");
        Div columns = new Div(left, right);
        columns.addClassName("cloud-shell-storage-columns");
        Paragraph filtered = new Paragraph("Storage accounts are filtered for your selected Cloud Shell region and "
                + "LRS/GRS/ZRS account types.");
        filtered.addClassName("cloud-shell-storage-note");
        advanced.add(columns, filtered);
        advanced.addClassName("cloud-shell-storage-advanced");
        advanced.setVisible(false);

        advancedToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        advancedToggle.setId("cloud-shell-advanced");
        advancedToggle.addClickListener(click -> showAdvanced(!advanced.isVisible()));
        showAdvanced(false);

        Button createStorage = new Button("Create storage", click -> createStorage());
        createStorage.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createStorage.setId("cloud-shell-create-storage");
        Button closeButton = new Button("Close", click -> close.run());
        closeButton.setId("cloud-shell-storage-close");
        Div buttons = new Div(createStorage, closeButton);
        buttons.addClassName("cloud-shell-storage-buttons");

        add(subscription, advanced, advancedToggle, buttons);
    }

    /** The storage the fields describe, whether or not it is valid. */
    CloudShellStorage storage() {
        String resourceGroup = USE_EXISTING.equals(resourceGroupChoice.getValue()) ? existingResourceGroup.getValue()
                : newResourceGroup.getValue().strip();
        return new CloudShellStorage(region.getValue(), resourceGroup, storageAccount.getValue().strip(), fileShare.getValue().strip());
    }

    private void createStorage() {
        CloudShellStorage storage = storage();
        boolean valid = check(storageAccount, CloudShellStorage.storageAccountProblem(storage.storageAccount()))
                & check(fileShare, CloudShellStorage.fileShareProblem(storage.fileShare()))
                & (USE_EXISTING.equals(resourceGroupChoice.getValue())
                        ? check(existingResourceGroup, storage.resourceGroup() == null ? Optional.of(ServerGroupFormRules.REQUIRED) : Optional.empty())
                        : check(newResourceGroup, resourceGroupRules.newResourceGroupProblem(storage.resourceGroup())));
        if (!valid) {
            showAdvanced(true);
            return;
        }
        create.apply(storage).ifPresent(problem -> {
            check(storageAccount, Optional.of(problem));
            showAdvanced(true);
        });
    }

    private void showAdvanced(boolean show) {
        advanced.setVisible(show);
        advancedToggle.setText(show ? "Hide advanced settings" : "Show advanced settings");
    }

    private void showResourceGroupInput() {
        boolean existing = USE_EXISTING.equals(resourceGroupChoice.getValue());
        existingResourceGroup.setVisible(existing);
        newResourceGroup.setVisible(!existing);
    }

    /** Shows the problem beside the field, or clears it; true when there is none. */
    private static boolean check(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    /** A Create new / Use existing choice where this lab only creates: the learner has no storage to reuse. */
    private static Component createOnly(String label, String id) {
        RadioButtonGroup<String> choice = new RadioButtonGroup<>(label, CREATE_NEW, USE_EXISTING);
        choice.setValue(CREATE_NEW);
        choice.setItemEnabledProvider(CREATE_NEW::equals);
        choice.setId(id);
        return choice;
    }

    private static Anchor link(String text, String href) {
        Anchor anchor = new Anchor(href, text);
        anchor.setTarget(AnchorTarget.BLANK);
        return anchor;
    }
}
