package io.hyperscalelab.lab;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a browser holds for the lab it started (256 random bits, in the lab cookie). The
 * server stores only a hash of it to find the lab, and uses a second, independent hash of it as the
 * AES-GCM key that seals the learner's password: without the cookie, the stored lab reveals nothing.
 */
record LabToken(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    static LabToken generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new LabToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token a browser sent, if it has the shape of one; anything else is ignored. */
    static Optional<LabToken> parse(String cookieValue) {
        return cookieValue != null && SHAPE.matcher(cookieValue).matches() ? Optional.of(new LabToken(cookieValue)) : Optional.empty();
    }

    /** What the database keeps to find the lab again. */
    byte[] lookupHash() {
        return sha256("hyperscale-lab/lab-lookup/" + value);
    }

    byte[] seal(String password, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] result = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, result, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, result, NONCE_BYTES, sealed.length);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    Optional<String> unseal(byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(sealed, NONCE_BYTES));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException wrongKeyOrTampered) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(sha256("hyperscale-lab/password-key/" + value), "AES"),
                new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "LabToken[hidden]";
    }
}
