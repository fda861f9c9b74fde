package io.hyperscalelab.classroom;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Class codes: 8 characters a learner reads off a board and types, from an alphabet without the
 * ones people confuse (0/O, 1/I/L). About 40 bits: guessing one takes far longer than the
 * per-address limit on starting labs allows.
 */
final class ClassCode {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;

    private ClassCode() {
    }

    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a learner typed, as codes are stored: upper case, without blanks or hyphens. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
