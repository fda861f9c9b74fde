package io.hyperscalelab.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.LearnerEndpoint;
import io.hyperscalelab.cluster.ServerGroup;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Connection strings: the group's coordinator as each client library spells it
 * ({@link ConnectionStrings}), each in a read-only box with a copy button.
 */
@Route(value = "resource/postgresql/:name/connection-strings", layout = PortalLayout.class)
@PermitAll
public class ConnectionStringsView extends ServerGroupBlade {

    static final String COPIED = "Copied";
    /**
     * Copies the text to the clipboard; where the page is not a secure context (plain http from
     * another machine) there is no clipboard API, so the text is selected for Ctrl+C instead.
     */
    private static final String COPY_SCRIPT = """
            if (navigator.clipboard && window.isSecureContext) {
                return navigator.clipboard.writeText($0).then(() => true);
            }
            this.inputElement.select();
            return document.execCommand('copy');""";

    private final List<Span> feedback = new ArrayList<>();

    public ConnectionStringsView(ServerGroups cluster, ServerGroupResources resources, VisibleServerGroups visibleGroups) {
        super("Connection strings", cluster, resources, visibleGroups);
        addClassName("connection-strings-view");
    }

    @Override
    protected void build(ServerGroup group, ServerGroupForm details, Div main) {
        feedback.clear();
        LearnerEndpoint endpoint = cluster.learnerEndpoint(group.name());
        Div note = new Div(VaadinIcon.INFO_CIRCLE_O.create(), new Span("The system doesn't store your plaintext password "
                + "and so can't display it for you in the connection string. Replace " + ConnectionStrings.PASSWORD_PLACEHOLDER
                + " with the password of " + endpoint.username() + "."));
        note.addClassName("info-box");
        note.setId("password-note");
        Div entries = new Div();
        entries.addClassName("connection-strings");
        for (ConnectionStrings.Entry entry : ConnectionStrings.of(endpoint)) {
            entries.add(row(entry));
        }
        main.add(note, new Paragraph("Connect to the coordinator " + AzureNames.fqdn(AzureNames.coordinator(group.name()))
                + " at " + endpoint.address() + (endpoint.sslMode().equals("require") ? ", over TLS." : ".")), entries);
    }

    private Div row(ConnectionStrings.Entry entry) {
        String id = "connection-string-" + slug(entry.label());
        Span label = new Span(entry.label());
        label.addClassName("connection-string-label");
        TextField value = new TextField();
        value.setId(id);
        value.setValue(entry.value());
        value.setReadOnly(true);
        value.setAriaLabel(entry.label());
        value.addClassName("connection-string-value");
        Span copied = new Span();
        copied.addClassName("copy-feedback");
        copied.setId(id + "-copied");
        feedback.add(copied);
        Button copy = new Button(VaadinIcon.COPY_O.create());
        copy.setId(id + "-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        copy.setAriaLabel("Copy to clipboard");
        copy.setTooltipText("Copy to clipboard");
        copy.addClickListener(click -> value.getElement().executeJs(COPY_SCRIPT, entry.value()).then(Boolean.class,
                done -> show(copied, done ? COPIED : "Press Ctrl+C to copy"),
                error -> show(copied, "Select the text and press Ctrl+C to copy")));
        Div row = new Div(label, value, copy, copied);
        row.addClassName("connection-string");
        return row;
    }

    // One "Copied" at a time: the last entry copied.
    private void show(Span copied, String text) {
        feedback.forEach(f -> f.setText(""));
        copied.setText(text);
    }

    /** "C++ (libpq)" is "c-libpq": ids a test or a stylesheet can name. */
    static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
