package io.hyperscalelab.portal;

/** The Networking tab's choice; Azure's default is no access at all. */
public enum ConnectivityMethod {
    NO_ACCESS("No access"),
    PUBLIC_ACCESS("Public access (allowed IP addresses)"),
    PRIVATE_ACCESS("Private access");

    private final String label;

    ConnectivityMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
