package io.hyperscalelab.portal.cloudshell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;

/**
 * The Cloud Shell toolbar: the Bash ▾ environment selector and Azure's icons on the left, and
 * minimise, maximise/restore and close on the right. Restart and the window buttons work; the
 * other icons are there so the toolbar reads like Azure's, and say they are not part of this lab.
 */
final class CloudShellToolbar extends Div {

    /** What the working buttons do. */
    interface Actions {

        void restart();

        void toggleMinimised();

        void toggleMaximised();

        void close();
    }

    private final Button maximise;
    private final Button minimise;

    CloudShellToolbar(Actions actions) {
        addClassName("cloud-shell-toolbar");

        Button shell = new Button("Bash", VaadinIcon.ANGLE_DOWN.create());
        shell.setIconAfterText(true);
        shell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        shell.addClassName("cloud-shell-selector");
        shell.setId("cloud-shell-selector");
        shell.setAriaLabel("Select environment: Bash");
        ContextMenu environments = new ContextMenu(shell);
        environments.setOpenOnClick(true);
        MenuItem bash = environments.addItem("Bash");
        bash.setCheckable(true);
        bash.setChecked(true);
        bash.addClickListener(click -> bash.setChecked(true));
        environments.addItem("PowerShell", click -> notPartOfThisLab("PowerShell (this lab uses Bash)"));

        Div left = new Div(shell, separator(),
                icon(VaadinIcon.POWER_OFF, "Restart Cloud Shell", "cloud-shell-restart", actions::restart),
                notInLab(VaadinIcon.QUESTION_CIRCLE_O, "Help", "cloud-shell-help"),
                notInLab(VaadinIcon.COG_O, "Settings", "cloud-shell-settings"),
                notInLab(VaadinIcon.UPLOAD_ALT, "Upload/Download files", "cloud-shell-upload"),
                notInLab(VaadinIcon.PLUS_SQUARE_O, "Open new session", "cloud-shell-new-session"),
                notInLab(VaadinIcon.CURLY_BRACKETS, "Open editor", "cloud-shell-editor"),
                notInLab(VaadinIcon.GLOBE, "Web preview", "cloud-shell-web-preview"));
        left.addClassName("cloud-shell-toolbar-left");

        minimise = icon(VaadinIcon.MINUS, "Minimize", "cloud-shell-minimise", actions::toggleMinimised);
        maximise = icon(VaadinIcon.EXPAND_SQUARE, "Maximize", "cloud-shell-maximise", actions::toggleMaximised);
        Div right = new Div(minimise, maximise, icon(VaadinIcon.CLOSE, "Close", "cloud-shell-close", actions::close));
        right.addClassName("cloud-shell-toolbar-right");
        add(left, right);
    }

    /** Shows whether the pane fills the page (then the button restores it) or is minimised. */
    void showState(boolean minimised, boolean maximised) {
        relabel(minimise, minimised ? VaadinIcon.CHEVRON_UP : VaadinIcon.MINUS, minimised ? "Restore" : "Minimize");
        relabel(maximise, maximised ? VaadinIcon.COMPRESS_SQUARE : VaadinIcon.EXPAND_SQUARE, maximised ? "Restore" : "Maximize");
    }

    private static void relabel(Button button, VaadinIcon icon, String label) {
        button.setIcon(icon.create());
        button.setAriaLabel(label);
        button.setTooltipText(label);
    }

    private static Button icon(VaadinIcon icon, String label, String id, Runnable action) {
        Button button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.addClassName("cloud-shell-tool");
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.setId(id);
        return button;
    }

    private static Button notInLab(VaadinIcon icon, String label, String id) {
        Button button = icon(icon, label, id, () -> notPartOfThisLab(label));
        button.setTooltipText(label + ": not part of this lab");
        return button;
    }

    private static void notPartOfThisLab(String what) {
        Notification.show(what + ": not part of this lab.");
    }

    private static Span separator() {
        Span separator = new Span();
        separator.addClassName("cloud-shell-toolbar-separator");
        return separator;
    }
}
