package io.hyperscalelab.portal;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Home page's "Azure services" row, left to right, as in the lab's screenshots. Only the
 * ones the lab uses open a working page; the others open {@link NotInLabView}.
 */
public enum AzureService {
    CREATE_RESOURCE("Create a resource", VaadinIcon.PLUS, "service-create"),
    VIRTUAL_MACHINES("Virtual machines", VaadinIcon.DESKTOP, "service-compute"),
    APP_SERVICES("App Services", VaadinIcon.GLOBE, "service-web"),
    STORAGE_ACCOUNTS("Storage accounts", VaadinIcon.STORAGE, "service-storage"),
    SQL_DATABASES("SQL databases", VaadinIcon.DATABASE, "service-sql"),
    POSTGRESQL_SERVERS("Azure Database for PostgreSQL servers", VaadinIcon.DATABASE, "service-postgres"),
    COSMOS_DB("Azure Cosmos DB", VaadinIcon.GLOBE_WIRE, "service-cosmos"),
    KUBERNETES_SERVICES("Kubernetes services", VaadinIcon.CLUSTER, "service-kubernetes"),
    FUNCTION_APP("Function App", VaadinIcon.FLASH, "service-functions"),
    MORE_SERVICES("More services", VaadinIcon.ARROW_RIGHT, "service-more");

    private final String label;
    private final VaadinIcon icon;
    private final String styleName;

    AzureService(String label, VaadinIcon icon, String styleName) {
        this.label = label;
        this.icon = icon;
        this.styleName = styleName;
    }

    public String label() {
        return label;
    }

    public VaadinIcon icon() {
        return icon;
    }

    /** The CSS class that colours the service's icon. */
    public String styleName() {
        return styleName;
    }

    /** The URL segment of its "not part of this lab" page. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AzureService> bySlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
    }
}
