package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import java.util.List;

/**
 * An Azure portal blade: the breadcrumb, the title with its subtitle and a close button, an
 * optional command bar, the content and an optional footer with the form buttons.
 */
public class Blade extends Div {

    private final Div header = new Div();
    private final Div commandBar = new Div();
    private final Div content = new Div();
    private final Div footer = new Div();
    private final H1 heading = new H1();
    private final Span current = new Span();

    /**
     * @param crumbs the pages above this one, from Home; the title is added as the last step and
     *               the close button goes back to the step before it
     */
    public Blade(String title, String subtitle, List<Crumb> crumbs) {
        addClassName("blade");
        current.setText(title);
        add(breadcrumb(crumbs, current));
        header.addClassName("blade-header");
        Div titles = new Div();
        titles.addClassName("blade-titles");
        heading.setText(title);
        heading.addClassName("blade-title");
        titles.add(heading);
        if (subtitle != null) {
            Span sub = new Span(subtitle);
            sub.addClassName("blade-subtitle");
            titles.add(sub);
        }
        header.add(titles);
        if (!crumbs.isEmpty()) {
            Crumb back = crumbs.get(crumbs.size() - 1);
            Button close = new Button(VaadinIcon.CLOSE.create(), click -> back.follow(this));
            close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_CONTRAST);
            close.addClassName("blade-close");
            close.setAriaLabel("Close");
            header.add(close);
        }
        commandBar.addClassName("blade-command-bar");
        commandBar.setVisible(false);
        content.addClassName("blade-content");
        footer.addClassName("blade-footer");
        footer.setVisible(false);
        add(header, commandBar, content, footer);
    }

    /** An icon left of the title, as resource blades have. */
    protected void setTitleIcon(Icon icon) {
        icon.addClassName("blade-icon");
        header.addComponentAsFirst(icon);
    }

    /** The command bar under the title ("+ Add", "Refresh", "Delete", ...). */
    protected void setCommands(Component... commands) {
        commandBar.removeAll();
        commandBar.add(commands);
        commandBar.setVisible(commands.length > 0);
    }

    protected Div content() {
        return content;
    }

    /** The bar of buttons at the bottom, as the create form has. */
    protected void setFooter(Component... buttons) {
        footer.removeAll();
        footer.add(buttons);
        footer.setVisible(buttons.length > 0);
    }

    /** A command bar button: an icon and a label, flat, as Azure draws them. */
    public static Button command(String label, VaadinIcon icon) {
        Button button = new Button(label, icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("blade-command");
        return button;
    }

    /** For blades whose title depends on the URL, known only when the learner arrives. */
    protected void setBladeTitle(String title) {
        heading.setText(title);
        current.setText(title);
    }

    /** A "label: value" line of a summary, as Review + create and the deployment page list them. */
    public static Component detail(String label, String value) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("review-label");
        Span valueSpan = new Span(value.isEmpty() ? "--" : value);
        valueSpan.addClassName("review-value");
        Div row = new Div(labelSpan, valueSpan);
        row.addClassName("review-row");
        return row;
    }

    /** A table as the portal draws them: compact rows, as tall as its rows. */
    public static <T> Grid<T> table(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Nav breadcrumb(List<Crumb> crumbs, Span current) {
        Nav nav = new Nav();
        nav.addClassName("breadcrumb");
        nav.setAriaLabel("Breadcrumb");
        for (Crumb crumb : crumbs) {
            if (crumb.view() != null) {
                nav.add(new RouterLink(crumb.label(), crumb.view(), crumb.parameters()));
            } else {
                Anchor step = new Anchor();
                step.setText(crumb.label());
                step.getElement().setAttribute("href", "#");
                step.getElement().addEventListener("click", click -> crumb.action().run()).preventDefault();
                nav.add(step);
            }
            nav.add(separator());
        }
        current.addClassName("breadcrumb-current");
        nav.add(current);
        return nav;
    }

    private static Span separator() {
        Span separator = new Span(">");
        separator.addClassName("breadcrumb-separator");
        return separator;
    }
}
