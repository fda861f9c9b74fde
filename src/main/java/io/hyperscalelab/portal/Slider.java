package io.hyperscalelab.portal;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The portal's slider over a list of allowed values (2..20 workers; 4, 8, 16, 32, 64 vCores), a
 * native range input, so it needs no commercial component. Arrow keys and dragging both work.
 */
final class Slider extends Composite<Input> {

    private List<Integer> values;

    Slider(String id, String ariaLabel, List<Integer> values, IntConsumer onChange) {
        Input input = getContent();
        input.setType("range");
        input.setId(id);
        input.setAriaLabel(ariaLabel);
        input.addClassName("portal-slider");
        input.setValueChangeMode(ValueChangeMode.EAGER);
        input.getElement().setAttribute("min", "0");
        input.getElement().setAttribute("step", "1");
        setValues(values);
        input.addValueChangeListener(event -> {
            if (event.isFromClient() && !event.getValue().isEmpty()) {
                int index = Math.max(0, Math.min(this.values.size() - 1, Integer.parseInt(event.getValue())));
                onChange.accept(this.values.get(index));
            }
        });
    }

    /** Changes the allowed values, such as when the tier changes. */
    void setValues(List<Integer> newValues) {
        this.values = List.copyOf(newValues);
        getContent().getElement().setAttribute("max", String.valueOf(values.size() - 1));
    }

    /** Moves the handle to {@code value}, or to the nearest allowed value below it. */
    void setValue(int value) {
        int index = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) <= value) {
                index = i;
            }
        }
        getContent().setValue(String.valueOf(index));
    }
}
