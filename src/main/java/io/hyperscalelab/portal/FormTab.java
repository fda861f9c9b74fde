package io.hyperscalelab.portal;

/** The tabs of the server group form, in order. */
public enum FormTab {
    BASICS("Basics"),
    NETWORKING("Networking"),
    TAGS("Tags"),
    REVIEW("Review + create");

    private final String label;

    FormTab(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
