package io.hyperscalelab.portal.cloudshell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;

/**
 * An xterm.js terminal ({@code frontend/src/xterm-terminal.ts}): what the learner types or pastes
 * arrives as xterm's {@code onData} strings, and {@link #write(String)} shows text, ANSI
 * sequences and {@code \r\n} line ends included.
 */
@Tag("xterm-terminal")
@NpmPackage(value = "@xterm/xterm", version = "6.0.0")
@NpmPackage(value = "@xterm/addon-fit", version = "0.11.0")
@JsModule("./src/xterm-terminal.ts")
@CssImport("@xterm/xterm/css/xterm.css")
class Xterm extends Component {

    private static final String DATA = "event.detail";

    Xterm() {
        addClassName("cloud-shell-terminal");
    }

    /** Keys and pastes, in the order the learner made them, on the UI thread. */
    Registration addDataListener(SerializableConsumer<String> listener) {
        return getElement().addEventListener("terminal-data", event -> listener.accept(event.getEventData().getString(DATA)))
                .addEventData(DATA);
    }

    void write(String text) {
        getElement().callJsFunction("write", text);
    }

    void focus() {
        getElement().callJsFunction("focus");
    }
}
