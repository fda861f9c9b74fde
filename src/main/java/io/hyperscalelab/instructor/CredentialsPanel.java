package io.hyperscalelab.instructor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.hyperscalelab.classroom.Credential;
import io.hyperscalelab.classroom.CredentialSheet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The generated learners' credentials, once: a sheet that prints one card per learner (the
 * rest of the page is hidden in print) and the same as a CSV download. The passwords exist in
 * clear only in this panel; the database keeps their hashes.
 */
class CredentialsPanel extends Div {

    CredentialsPanel(CredentialSheet sheet) {
        addClassName("credentials-panel");
        setId("credentials");
        Paragraph warning = new Paragraph("Print or download the credentials now: the passwords are shown only once. "
                + "A learner who loses theirs gets a new one from the dashboard.");
        warning.addClassName("credentials-warning");

        Button print = new Button("Print", VaadinIcon.PRINT.create(), click -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        print.setId("print-credentials");
        byte[] csv = sheet.csv().getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(csv),
                sheet.csvFileName(), "text/csv", csv.length)), "Download CSV");
        download.getElement().setAttribute("download", sheet.csvFileName());
        download.setId("download-credentials");
        Div actions = new Div(print, download);
        actions.addClassName("credentials-actions");

        Div cards = new Div();
        cards.addClassName("credential-sheet");
        for (Credential credential : sheet.credentials()) {
            cards.add(card(sheet, credential));
        }
        add(new H2("Credentials of " + sheet.classroom().name()), warning, actions, cards);
    }

    private static Div card(CredentialSheet sheet, Credential credential) {
        Div card = new Div(new Span(sheet.classroom().name() + ", seat " + credential.seat()),
                line("Portal", sheet.portalAddress()), line("Username", credential.username()),
                line("Password", credential.password()));
        card.addClassName("credential-card");
        card.getElement().setAttribute("data-seat", String.valueOf(credential.seat()));
        return card;
    }

    private static Div line(String label, String value) {
        Span name = new Span(label);
        name.addClassName("credential-label");
        Span text = new Span(value);
        text.addClassName("credential-value");
        Div line = new Div(name, text);
        line.addClassName("credential-line");
        return line;
    }
}
