package io.hyperscalelab.portal.cloudshell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

/**
 * The pane's top edge ({@code frontend/src/cloud-shell-resize-handle.ts}): dragging it resizes the
 * pane in the browser, which needs no round trip; the server only hears that it happened.
 */
@Tag("cloud-shell-resize-handle")
@JsModule("./src/cloud-shell-resize-handle.ts")
class PaneResizeHandle extends Component {

    Registration addResizeListener(Runnable listener) {
        return getElement().addEventListener("pane-resized", event -> listener.run());
    }
}
