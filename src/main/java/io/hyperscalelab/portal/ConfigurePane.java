package io.hyperscalelab.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import io.hyperscalelab.cluster.ServerGroups;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The "Configure server group" pane: tier, worker count, the size of the workers and of the
 * coordinator, high availability, and what it all costs a month. Save hands the choice back to
 * the form; Discard forgets it.
 */
final class ConfigurePane extends Blade {

    private static final List<Integer> WORKER_COUNTS =
            IntStream.rangeClosed(ServerGroups.MIN_WORKERS, ServerGroups.MAX_WORKERS).boxed().toList();

    private ComputeConfiguration draft = ComputeConfiguration.labDefault();
    private final IntFunction<Optional<String>> workerCountNote;
    private final RadioButtonGroup<ComputeTier> tier = new RadioButtonGroup<>();
    private final Div workerCountRow = new Div();
    private final Slider workerCountSlider;
    private final IntegerField workerCount = new IntegerField();
    private final Slider workerVCores;
    private final Span workerVCoresLabel = new Span();
    private final Slider workerStorage;
    private final Span workerStorageLabel = new Span();
    private final Div coordinatorSection = new Div();
    private final Span coordinatorSummary = new Span();
    private final Div coordinatorSliders = new Div();
    private final Slider coordinatorVCores;
    private final Span coordinatorVCoresLabel = new Span();
    private final Slider coordinatorStorage;
    private final Span coordinatorStorageLabel = new Span();
    private final RadioButtonGroup<Boolean> highAvailability = new RadioButtonGroup<>();
    private final Div costLines = new Div();
    private final Span monthlyCost = new Span();

    /**
     * @param workerCountNote what to say beside a worker count (see {@link ServerGroupFormRules#workerCountNote})
     */
    ConfigurePane(List<Crumb> crumbs, IntFunction<Optional<String>> workerCountNote, Consumer<ComputeConfiguration> onSave,
                  Runnable onDiscard) {
        super("Configure", "Hyperscale (Citus) server group", crumbs);
        this.workerCountNote = workerCountNote;
        addClassName("configure-pane");
        setId("configure-pane");

        tier.setId("compute-tier");
        tier.setAriaLabel("Tier");
        tier.setItems(ComputeTier.values());
        tier.setItemLabelGenerator(t -> t.description() + " - " + t.bestFor());
        tier.addClassName("vertical-radios");
        tier.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                update(draft.inTier(event.getValue()));
            }
        });
        Div tierInfo = new Div(VaadinIcon.INFO_CIRCLE.create(), new Span("Standard tier for Hyperscale (Citus) gives you a "
                + "distributed Postgres cluster (called a server group) with 1 coordinator and 2 or more worker nodes. You can "
                + "easily add more worker nodes with zero downtime. At any time, you can scale up the compute, memory, and "
                + "storage on the coordinator and/or the worker nodes."));
        tierInfo.addClassName("info-box");

        workerCountSlider = new Slider("worker-count-slider", "Worker node count", WORKER_COUNTS,
                count -> update(with(count, draft.workerVCores(), draft.workerStorageGiB(), draft.coordinatorVCores(),
                        draft.coordinatorStorageGiB())));
        workerCount.setId("worker-count");
        workerCount.setAriaLabel("Worker node count");
        workerCount.setMin(ServerGroups.MIN_WORKERS);
        workerCount.setMax(ServerGroups.MAX_WORKERS);
        workerCount.setStepButtonsVisible(true);
        workerCount.setManualValidation(true);
        workerCount.setSuffixComponent(new Span("nodes"));
        workerCount.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                int count = event.getValue() == null ? 0 : event.getValue();
                update(with(count, draft.workerVCores(), draft.workerStorageGiB(), draft.coordinatorVCores(),
                        draft.coordinatorStorageGiB()));
            }
        });
        Paragraph moreNodes = new Paragraph("If you need more than " + ServerGroups.MAX_WORKERS + " nodes, contact us.");
        moreNodes.addClassName("hint");
        workerCountRow.add(new FormRow("Worker node count", false, null, sliderWithBox(workerCountSlider, workerCount))
                .below(moreNodes));

        workerVCores = new Slider("worker-vcores", "Worker vCores", draft.tier().vCores(),
                v -> update(with(draft.workerCount(), v, draft.workerStorageGiB(), draft.coordinatorVCores(),
                        draft.coordinatorStorageGiB())));
        workerStorage = new Slider("worker-storage", "Worker storage", draft.tier().storageGiB(),
                s -> update(with(draft.workerCount(), draft.workerVCores(), s, draft.coordinatorVCores(),
                        draft.coordinatorStorageGiB())));
        coordinatorVCores = new Slider("coordinator-vcores", "Coordinator vCores", draft.tier().vCores(),
                v -> update(with(draft.workerCount(), draft.workerVCores(), draft.workerStorageGiB(), v,
                        draft.coordinatorStorageGiB())));
        coordinatorStorage = new Slider("coordinator-storage", "Coordinator storage", draft.tier().storageGiB(),
                s -> update(with(draft.workerCount(), draft.workerVCores(), draft.workerStorageGiB(),
                        draft.coordinatorVCores(), s)));
        workerVCoresLabel.setId("worker-vcores-label");
        workerStorageLabel.setId("worker-storage-label");
        coordinatorVCoresLabel.setId("coordinator-vcores-label");
        coordinatorStorageLabel.setId("coordinator-storage-label");

        Paragraph iops = new Paragraph("Your configuration can use up to " + ComputeConfiguration.iopsPerGib() + " IOPS / GiB.");
        iops.addClassName("hint");
        Div workers = new Div(FormRow.section("Worker nodes", "Expand your server group and scale your database by adding "
                        + "worker nodes. Select up to 64 vCores with 8 GiB RAM per vCore and up to 2 TiB of storage with up "
                        + "to 3 IOPS / GiB per node."),
                workerCountRow,
                new FormRow("Configuration (per worker node)", false, "The compute and storage of each worker node. "
                        + "RAM is a function of the number of cores and the type of node (coordinator or worker).",
                        sliderWithLabel(workerVCores, workerVCoresLabel), sliderWithLabel(workerStorage, workerStorageLabel))
                        .below(iops));

        coordinatorSummary.setId("coordinator-summary");
        Anchor change = new Anchor();
        change.setText("Change configuration");
        change.setId("change-coordinator");
        change.getElement().setAttribute("href", "#");
        change.getElement().addEventListener("click", click -> coordinatorSliders.setVisible(!coordinatorSliders.isVisible()))
                .preventDefault();
        coordinatorSliders.add(new FormRow("vCores", false, null, sliderWithLabel(coordinatorVCores, coordinatorVCoresLabel)),
                new FormRow("Storage", false, null, sliderWithLabel(coordinatorStorage, coordinatorStorageLabel)));
        coordinatorSliders.setVisible(false);
        coordinatorSection.add(FormRow.section("Coordinator node", "The coordinator node coordinates your queries and "
                + "manages your schema."), new Div(coordinatorSummary), change, coordinatorSliders);

        highAvailability.setId("high-availability");
        highAvailability.setAriaLabel("High availability");
        highAvailability.setItems(false, true);
        highAvailability.setItemLabelGenerator(ha -> ha ? "Yes" : "No");
        highAvailability.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                ComputeConfiguration d = draft;
                update(new ComputeConfiguration(d.tier(), d.workerCount(), d.workerVCores(), d.workerStorageGiB(),
                        d.coordinatorVCores(), d.coordinatorStorageGiB(), event.getValue()));
            }
        });
        Paragraph haNote = new Paragraph("Because HA doubles the number of servers in the group, it will also double the cost.");
        haNote.addClassName("hint");
        Div availability = new Div(FormRow.section("High availability", null),
                new FormRow("High availability", false, "A standby for every node takes over when its primary fails.",
                        highAvailability).below(haNote));

        monthlyCost.setId("monthly-cost");
        monthlyCost.addClassName("cost-total");
        costLines.addClassName("cost-lines");
        Div cost = new Div(new H2("Cost summary"), costLines, new Div(new Span("Estimated cost per month"), monthlyCost));
        cost.addClassName("cost-summary");

        Div choices = new Div(FormRow.section("Tiers", null), new FormRow("Tier", false, null, tier), tierInfo,
                workers, coordinatorSection, availability);
        choices.addClassName("configure-choices");
        Div columns = new Div(choices, cost);
        columns.addClassName("configure-columns");
        content().add(columns);

        Button save = new Button("Save", click -> {
            if (draft.problem().isEmpty()) {
                onSave.accept(draft);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("configure-save");
        Button discard = new Button("Discard", click -> onDiscard.run());
        discard.setId("configure-discard");
        setFooter(save, discard);
    }

    /** Shows {@code current} as the starting point of this visit. */
    void open(ComputeConfiguration current) {
        coordinatorSliders.setVisible(false);
        update(current);
    }

    private ComputeConfiguration with(int workers, int workerV, int workerS, int coordV, int coordS) {
        return new ComputeConfiguration(draft.tier(), workers, workerV, workerS, coordV, coordS, draft.highAvailability());
    }

    private void update(ComputeConfiguration next) {
        draft = next;
        boolean standard = draft.tier() == ComputeTier.STANDARD;
        tier.setValue(draft.tier());
        workerCountRow.setVisible(standard);
        coordinatorSection.setVisible(standard);
        if (draft.workerCount() >= ServerGroups.MIN_WORKERS && draft.workerCount() <= ServerGroups.MAX_WORKERS) {
            workerCountSlider.setValue(draft.workerCount());
        }
        workerCount.setValue(draft.workerCount());
        workerVCores.setValues(draft.tier().vCores());
        workerVCores.setValue(draft.workerVCores());
        workerStorage.setValues(draft.tier().storageGiB());
        workerStorage.setValue(draft.workerStorageGiB());
        coordinatorVCores.setValues(draft.tier().vCores());
        coordinatorVCores.setValue(draft.coordinatorVCores());
        coordinatorStorage.setValues(draft.tier().storageGiB());
        coordinatorStorage.setValue(draft.coordinatorStorageGiB());
        workerVCoresLabel.setText(draft.workerVCores() + " vCores");
        workerStorageLabel.setText(ComputeConfiguration.storage(draft.workerStorageGiB()));
        coordinatorVCoresLabel.setText(draft.coordinatorVCores() + " vCores");
        coordinatorStorageLabel.setText(ComputeConfiguration.storage(draft.coordinatorStorageGiB()));
        coordinatorSummary.setText(draft.coordinatorVCores() + " vCores, 4 GiB RAM per vCore / "
                + ComputeConfiguration.storage(draft.coordinatorStorageGiB()) + " storage, up to "
                + ComputeConfiguration.iopsPerGib() + " IOPS / GiB.");
        highAvailability.setValue(draft.highAvailability());

        String problem = draft.problem().orElse(null);
        boolean tierProblem = draft.tier() == ComputeTier.BASIC;
        tier.setInvalid(problem != null && tierProblem);
        tier.setErrorMessage(tierProblem ? problem : null);
        workerCount.setInvalid(problem != null && !tierProblem);
        workerCount.setErrorMessage(tierProblem ? null : problem);
        workerCount.setHelperText(workerCountNote.apply(draft.workerCount()).orElse(null));

        costLines.removeAll();
        for (MonthlyCostEstimate.Line line : MonthlyCostEstimate.lines(draft)) {
            Span amount = new Span(MonthlyCostEstimate.format(line.usd()));
            Div row = new Div(new Span(line.label()), amount);
            row.addClassName("cost-line");
            costLines.add(row);
        }
        monthlyCost.setText(MonthlyCostEstimate.format(MonthlyCostEstimate.total(draft)));
    }

    private static Div sliderWithBox(Slider slider, IntegerField box) {
        Div row = new Div(slider, box);
        row.addClassName("slider-row");
        return row;
    }

    private static Div sliderWithLabel(Slider slider, Span label) {
        label.addClassName("slider-value");
        Div row = new Div(slider, label);
        row.addClassName("slider-row");
        return row;
    }
}
