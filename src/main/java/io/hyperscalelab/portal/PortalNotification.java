package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * An Azure notification, top right: an operation in progress ("Updating firewall rules..."), then
 * its success, which closes by itself, or its failure in the cluster's words, which stays until
 * the learner closes it. Used on the UI thread.
 */
final class PortalNotification {

    private static final int SUCCESS_MILLIS = 6_000;

    private final Notification notification = new Notification();
    private final Div card = new Div();

    private PortalNotification() {
        notification.setPosition(Notification.Position.TOP_END);
        notification.setDuration(0);
        card.addClassName("portal-notification");
        notification.add(card);
    }

    /**
     * Opens the notification. It belongs to the page, not to a dialog that may be open (where
     * Vaadin would put it): it outlives the dialog that started the operation.
     */
    static PortalNotification inProgress(String title, String detail) {
        PortalNotification shown = new PortalNotification();
        ProgressBar spinner = new ProgressBar();
        spinner.setIndeterminate(true);
        spinner.addClassName("portal-notification-progress");
        shown.show("portal-notification-in-progress", spinner, title, detail);
        UI.getCurrent().add(shown.notification);
        shown.notification.addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                event.getSource().removeFromParent();
            }
        });
        shown.notification.open();
        return shown;
    }

    void succeeded(String title, String detail) {
        Icon icon = VaadinIcon.CHECK_CIRCLE.create();
        icon.addClassName("status-ok");
        show("portal-notification-success", icon, title, detail);
        notification.setDuration(SUCCESS_MILLIS);
    }

    void failed(String title, String detail) {
        Icon icon = VaadinIcon.CLOSE_CIRCLE.create();
        icon.addClassName("status-failed");
        show("portal-notification-error", icon, title, detail);
    }

    private void show(String state, Component icon, String title, String detail) {
        card.removeAll();
        card.setClassName("portal-notification");
        card.addClassName(state);
        Span heading = new Span(title);
        heading.addClassName("portal-notification-title");
        Span text = new Span(detail);
        text.addClassName("portal-notification-detail");
        Div words = new Div(heading, text);
        words.addClassName("portal-notification-words");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_CONTRAST);
        close.setAriaLabel("Dismiss");
        card.add(icon, words, close);
    }
}
