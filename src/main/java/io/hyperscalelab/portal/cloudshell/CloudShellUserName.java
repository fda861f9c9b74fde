package io.hyperscalelab.portal.cloudshell;

import java.util.Locale;

/**
 * The Linux user a learner is in Cloud Shell: the part of the sign-in name before {@code @}
 * ({@code odl_user_123456} for {@code odl_user_123456@hyperscalelab.onmicrosoft.com}), with any
 * character a Linux name cannot have turned into {@code _}.
 */
final class CloudShellUserName {

    private static final int MAX = 32;

    private CloudShellUserName() {
    }

    static String of(String signInName) {
        int at = signInName.indexOf('@');
        String local = (at < 0 ? signInName : signInName.substring(0, at)).toLowerCase(Locale.ROOT);
        String name = local.replaceAll("[^a-z0-9_-]", "_");
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            name = "_" + name;
        }
        return name.length() > MAX ? name.substring(0, MAX) : name;
    }
}
