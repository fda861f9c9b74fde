package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * One line of an Azure form: the label on the left (with "*" when required and an info icon whose
 * tooltip explains the field), the field and anything under it on the right.
 */
final class FormRow extends Div {

    private final Div control = new Div();

    FormRow(String label, boolean required, String info, Component... fields) {
        addClassName("form-row");
        Div labelCell = new Div();
        labelCell.addClassName("form-row-label");
        Span text = new Span(label);
        labelCell.add(text);
        if (required) {
            Span star = new Span(" *");
            star.addClassName("required-mark");
            labelCell.add(star);
        }
        if (info != null) {
            labelCell.add(infoIcon(info));
        }
        control.addClassName("form-row-control");
        control.add(fields);
        add(labelCell, control);
    }

    /** Adds a line under the field, such as "Create new" or a summary. */
    FormRow below(Component... components) {
        control.add(components);
        return this;
    }

    /** The ⓘ icon with its explanation on hover and keyboard focus. */
    static Icon infoIcon(String text) {
        Icon icon = VaadinIcon.INFO_CIRCLE_O.create();
        icon.addClassName("info-icon");
        icon.setTooltipText(text);
        icon.getElement().setAttribute("tabindex", "0");
        icon.getElement().setAttribute("aria-label", text);
        return icon;
    }

    /** A section heading with its introduction, as "Project details" has. */
    static Div section(String title, String introduction) {
        Div section = new Div();
        section.addClassName("form-section");
        H2 heading = new H2(title);
        section.add(heading);
        if (introduction != null) {
            section.add(new Paragraph(introduction));
        }
        return section;
    }
}
