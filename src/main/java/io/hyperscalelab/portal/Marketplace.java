package io.hyperscalelab.portal;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Home > New" page's catalogue: the Azure Marketplace categories and the Featured offers of
 * each, as the lab's screenshot shows them. Only Azure Database for PostgreSQL leads on.
 */
public final class Marketplace {

    public static final String DATABASES = "Databases";
    public static final String GET_STARTED = "Get started";

    public static final List<String> CATEGORIES = List.of(GET_STARTED, "Recently created", "AI + Machine Learning",
            "Analytics", "Blockchain", "Compute", "Containers", DATABASES, "Developer Tools", "DevOps", "Identity",
            "Integration", "Internet of Things");

    /** One Featured offer. */
    public enum Offer {
        WINDOWS_SERVER("Windows Server 2019 Datacenter", GET_STARTED, VaadinIcon.DESKTOP, "Quickstart tutorial"),
        UBUNTU_SERVER("Ubuntu Server 18.04 LTS", GET_STARTED, VaadinIcon.DESKTOP, "Learn more"),
        WEB_APP("Web App", GET_STARTED, VaadinIcon.GLOBE, "Quickstart tutorial"),
        FUNCTION_APP("Function App", GET_STARTED, VaadinIcon.FLASH, "Quickstart tutorial"),
        SQL_MANAGED_INSTANCE("Azure SQL Managed Instance", DATABASES, VaadinIcon.DATABASE, "Quickstart tutorial"),
        SQL_DATABASE("SQL Database", DATABASES, VaadinIcon.DATABASE, "Quickstart tutorial"),
        SYNAPSE("Azure Synapse Analytics (formerly SQL DW)", DATABASES, VaadinIcon.CHART, "Quickstart tutorial"),
        MARIADB("Azure Database for MariaDB", DATABASES, VaadinIcon.DATABASE, "Learn more"),
        MYSQL("Azure Database for MySQL", DATABASES, VaadinIcon.DATABASE, "Quickstart tutorial"),
        POSTGRESQL("Azure Database for PostgreSQL", DATABASES, VaadinIcon.DATABASE, "Quickstart tutorial");

        private final String label;
        private final String category;
        private final VaadinIcon icon;
        private final String link;

        Offer(String label, String category, VaadinIcon icon, String link) {
            this.label = label;
            this.category = category;
            this.icon = icon;
            this.link = link;
        }

        public String label() {
            return label;
        }

        public String category() {
            return category;
        }

        public VaadinIcon icon() {
            return icon;
        }

        /** "Quickstart tutorial" or "Learn more", the link under the offer's name. */
        public String link() {
            return link;
        }

        /** The one offer this lab is about. */
        public boolean inLab() {
            return this == POSTGRESQL;
        }

        public String slug() {
            return "marketplace-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private Marketplace() {
    }

    public static List<Offer> featured(String category) {
        return Arrays.stream(Offer.values()).filter(o -> o.category().equals(category)).toList();
    }

    /** "Search the Marketplace": offers whose name has every word typed, in any case. */
    public static List<Offer> search(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return Arrays.stream(Offer.values()).filter(o -> {
            String name = o.label().toLowerCase(Locale.ROOT) + (o.inLab() ? " citus hyperscale postgres" : "");
            return Arrays.stream(words).allMatch(name::contains);
        }).toList();
    }

    public static Optional<Offer> bySlug(String slug) {
        return Arrays.stream(Offer.values()).filter(o -> o.slug().equals(slug)).findFirst();
    }
}
