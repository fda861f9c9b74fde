package io.hyperscalelab.lab;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Copies a text to the clipboard. The copy runs in the browser, in the click itself: a round trip
 * to the server first would lose the user gesture that the clipboard requires.
 */
class CopyButton extends Button {

    private final String text;

    CopyButton(String text, String label) {
        super(VaadinIcon.COPY_O.create());
        this.text = text;
        addClassName("copy-button");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        setAriaLabel(label);
        setTooltipText(label);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs("""
                this.__copyText = $0;
                if (!this.__copyBound) {
                  this.__copyBound = true;
                  this.addEventListener('click', () => navigator.clipboard.writeText(this.__copyText)
                      .then(() => this.setAttribute('copied', ''), () => this.setAttribute('copy-failed', '')));
                }""", text);
    }
}
