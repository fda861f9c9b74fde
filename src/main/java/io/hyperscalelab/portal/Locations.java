package io.hyperscalelab.portal;

import java.util.List;

/**
 * The regions of the Location list, where Hyperscale (Citus) was offered, with the geography
 * prefix the portal showed. The group runs on this machine whichever is chosen.
 */
public final class Locations {

    public static final String DEFAULT = "(US) East US";

    public static final List<String> ALL = List.of(
            "(Asia Pacific) Australia East",
            "(Asia Pacific) Central India",
            "(Asia Pacific) East Asia",
            "(Asia Pacific) Japan East",
            "(Asia Pacific) Korea Central",
            "(Asia Pacific) Southeast Asia",
            "(Canada) Canada Central",
            "(Europe) France Central",
            "(Europe) Germany West Central",
            "(Europe) North Europe",
            "(Europe) Switzerland North",
            "(Europe) UK South",
            "(Europe) West Europe",
            "(South America) Brazil South",
            "(US) Central US",
            "(US) East US",
            "(US) East US 2",
            "(US) North Central US",
            "(US) South Central US",
            "(US) West Central US",
            "(US) West US",
            "(US) West US 2");

    private Locations() {
    }

    /** "East US" for "(US) East US": the Overview shows the region without its geography. */
    public static String withoutGeography(String location) {
        return location.startsWith("(") && location.contains(") ") ? location.substring(location.indexOf(") ") + 2) : location;
    }
}
