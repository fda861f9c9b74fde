package io.hyperscalelab.security;

/** What the sign-in pages say when something is wrong, in Microsoft's words. */
public final class SignInMessages {

    public static final String UNKNOWN_ACCOUNT =
            "This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.";
    public static final String WRONG_PASSWORD =
            "Your account or password is incorrect. If you don't remember your password, reset it now.";
    public static final String LOCKED =
            "Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still "
                    + "have trouble, contact your admin.";
    public static final String EMPTY_PASSWORD = "Please enter your password.";

    private SignInMessages() {
    }
}
