package io.hyperscalelab.instructor;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;

/** Where learners open the portal, as the instructor's browser reached it: for the credential sheet. */
final class PortalAddress {

    private PortalAddress() {
    }

    static String current() {
        VaadinServletRequest vaadin = VaadinServletRequest.getCurrent();
        if (vaadin == null) {
            return "";
        }
        HttpServletRequest request = vaadin.getHttpServletRequest();
        boolean defaultPort = "http".equals(request.getScheme()) && request.getServerPort() == 80
                || "https".equals(request.getScheme()) && request.getServerPort() == 443;
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + request.getServerPort())
                + request.getContextPath() + "/";
    }
}
