package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.hyperscalelab.cluster.AdminPassword;
import java.util.Map;
import java.util.Optional;

/** Review + create: the validation result, the product and its estimated cost, the terms and a summary of every tab. */
final class ReviewTab extends Div {

    private final Div banner = new Div();

    ReviewTab() {
        addClassName("form-tab");
        setId("review-tab");
    }

    /** @param workerCountNote said under the worker count, when the cluster has a count of its own */
    void show(ServerGroupForm form, Map<FormField, String> problems, Optional<String> workerCountNote) {
        removeAll();
        banner.removeAll();
        banner.setId("validation-banner");
        if (problems.isEmpty()) {
            banner.setClassName("banner banner-success");
            banner.add(VaadinIcon.CHECK_CIRCLE.create(), new Span("Validation passed"));
        } else {
            banner.setClassName("banner banner-error");
            banner.add(VaadinIcon.EXCLAMATION_CIRCLE.create(),
                    new Span("Validation failed. Required information is missing or not valid."));
        }
        add(banner, productDetails(form), terms(), basics(form, workerCountNote), networking(form), tags(form));
    }

    /** Create was refused: says why, in the cluster's words. */
    void showError(String message) {
        banner.removeAll();
        banner.setClassName("banner banner-error");
        banner.add(VaadinIcon.EXCLAMATION_CIRCLE.create(), new Span(message));
    }

    private static Component productDetails(ServerGroupForm form) {
        Div product = new Div(new H3("Hyperscale (Citus) server group"), new Span("by Microsoft"),
                new Paragraph("Terms of use | Privacy policy"));
        product.addClassName("review-product");
        Span amount = new Span(MonthlyCostEstimate.format(MonthlyCostEstimate.total(form.compute())));
        amount.setId("review-estimated-cost");
        amount.addClassName("review-cost-amount");
        Div cost = new Div(new Span("Estimated cost per month"), amount, new Span("View pricing details"));
        cost.addClassName("review-cost");
        Div row = new Div(product, cost);
        row.addClassName("review-product-row");
        return new Div(new H2("Product details"), row);
    }

    private static Component terms() {
        return new Div(new H2("Terms"), new Paragraph("By clicking \"Create\", I (a) agree to the legal terms and privacy "
                + "statement(s) associated with the Marketplace offering(s) listed above; (b) authorize Microsoft to bill my "
                + "current payment method for the fees associated with the offering(s), with the same billing frequency as "
                + "my Azure subscription; and (c) agree that Microsoft may share my contact, usage and transactional "
                + "information with the provider(s) of the offering(s) for support, billing and other transactional "
                + "activities. Microsoft does not provide rights for third-party offerings. For additional details see "
                + "Azure Marketplace Terms. (In Hyperscale Lab nothing is billed: the server group runs on this machine.)"));
    }

    private static Component basics(ServerGroupForm form, Optional<String> workerCountNote) {
        ComputeConfiguration c = form.compute();
        Div section = section("Basics",
                Blade.detail("Subscription", form.subscription()),
                Blade.detail("Resource group", (form.newResourceGroup() ? "(new) " : "") + form.resourceGroup()),
                Blade.detail("Location", form.location()),
                Blade.detail("Server group", form.serverGroupName()),
                Blade.detail("Server admin login name", AdminPassword.LOGIN),
                Blade.detail("Worker node count", String.valueOf(c.workerCount())),
                Blade.detail("Worker node compute + storage", c.workerDetails()),
                Blade.detail("Coordinator node compute + storage", c.coordinatorDetails()),
                Blade.detail("High availability", c.highAvailability() ? "Yes" : "No"));
        workerCountNote.ifPresent(note -> {
            Paragraph paragraph = new Paragraph(note);
            paragraph.setId("review-worker-count-note");
            paragraph.addClassName("hint");
            section.add(paragraph);
        });
        return section;
    }

    private static Component networking(ServerGroupForm form) {
        return section("Networking",
                Blade.detail("Connectivity method", form.connectivity().label()),
                Blade.detail("Allow Azure services and resources to access this server group", form.allowAzureServices() ? "Yes" : "No"),
                Blade.detail("Firewall rules", String.valueOf(form.effectiveFirewallRules().size())));
    }

    private static Component tags(ServerGroupForm form) {
        Div section = section("Tags");
        form.tags().forEach(tag -> section.add(Blade.detail(tag.name(), tag.value() + " (Hyperscale (Citus) server group)")));
        return section;
    }

    private static Div section(String title, Component... rows) {
        Div section = new Div(new H2(title));
        section.addClassName("review-section");
        section.add(rows);
        return section;
    }
}
