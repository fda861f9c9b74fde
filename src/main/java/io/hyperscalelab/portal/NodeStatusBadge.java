package io.hyperscalelab.portal;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.hyperscalelab.cluster.NodeStatus;
import java.util.Locale;

/** A node's status as the portal draws it: a coloured icon and the word. */
final class NodeStatusBadge {

    private NodeStatusBadge() {
    }

    static Span of(NodeStatus status) {
        Icon icon = switch (status) {
            case AVAILABLE -> VaadinIcon.CHECK_CIRCLE.create();
            case PROVISIONING, DROPPING, STARTING, STOPPING -> VaadinIcon.REFRESH.create();
            case NEED_ATTENTION -> VaadinIcon.WARNING.create();
            case DISABLED -> VaadinIcon.BAN.create();
            case STOPPED_IDLE -> VaadinIcon.STOP.create();
        };
        Span badge = new Span(icon, new Span(status.label()));
        badge.addClassNames("node-status", "node-status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return badge;
    }
}
