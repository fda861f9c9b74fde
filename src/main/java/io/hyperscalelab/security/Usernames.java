package io.hyperscalelab.security;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one rule for what a sign-in name looks like, for the e-mail page and every lookup alike. */
public final class Usernames {

    /** Microsoft's wording when the e-mail page gets something that is no sign-in name at all. */
    public static final String NOT_AN_EMAIL = "Enter a valid email address, phone number, or Skype name.";
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,190}\\.[a-z]{2,24}");

    private Usernames() {
    }

    /** Sign-in names are compared without case and surrounding blanks, as Microsoft's are. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** Why {@code typed} cannot be a sign-in name, or empty when it can. */
    public static Optional<String> problem(String typed) {
        return EMAIL.matcher(normalize(typed)).matches() ? Optional.empty() : Optional.of(NOT_AN_EMAIL);
    }
}
