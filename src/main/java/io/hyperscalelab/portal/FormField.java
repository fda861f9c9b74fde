package io.hyperscalelab.portal;

/** The form's fields that can be wrong, each on its tab; the tab strip marks tabs with errors. */
public enum FormField {
    SUBSCRIPTION(FormTab.BASICS),
    RESOURCE_GROUP(FormTab.BASICS),
    SERVER_GROUP_NAME(FormTab.BASICS),
    LOCATION(FormTab.BASICS),
    COMPUTE(FormTab.BASICS),
    POSTGRES_VERSION(FormTab.BASICS),
    ADMIN_PASSWORD(FormTab.BASICS),
    CONFIRM_PASSWORD(FormTab.BASICS),
    CONNECTIVITY(FormTab.NETWORKING),
    FIREWALL_RULES(FormTab.NETWORKING),
    TAGS(FormTab.TAGS);

    private final FormTab tab;

    FormField(FormTab tab) {
        this.tab = tab;
    }

    public FormTab tab() {
        return tab;
    }
}
