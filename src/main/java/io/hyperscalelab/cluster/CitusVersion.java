package io.hyperscalelab.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Citus version as its extension names it ({@code 12.1-1}), compared by major and minor. */
record CitusVersion(int major, int minor) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    static CitusVersion parse(String extversion) {
        Matcher m = VERSION.matcher(extversion);
        if (!m.find()) {
            throw new ClusterException("The citus extension's version \"" + extversion + "\" is not major.minor.");
        }
        return new CitusVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    boolean olderThan(CitusVersion other) {
        return major < other.major || major == other.major && minor < other.minor;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
