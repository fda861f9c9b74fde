package io.hyperscalelab.security;

import java.security.SecureRandom;

/**
 * Lab passwords: 16 characters a learner can read and type (no 0/O, 1/l/I), always with upper case,
 * lower case and digits, so they also pass the portal's own password rules. About 90 bits of entropy.
 */
public final class GeneratedPassword {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALL = UPPER + LOWER + DIGITS;
    private static final int LENGTH = 16;

    private GeneratedPassword() {
    }

    public static String generate(SecureRandom random) {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALL.charAt(random.nextInt(ALL.length()));
        }
        // one of each kind, at distinct random places
        int[] places = random.ints(0, LENGTH).distinct().limit(3).toArray();
        password[places[0]] = UPPER.charAt(random.nextInt(UPPER.length()));
        password[places[1]] = LOWER.charAt(random.nextInt(LOWER.length()));
        password[places[2]] = DIGITS.charAt(random.nextInt(DIGITS.length()));
        return new String(password);
    }
}
