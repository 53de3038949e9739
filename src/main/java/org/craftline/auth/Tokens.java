package org.craftline.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing bearer tokens. A token is {@code cl_} and 32 random bytes from
 * {@link SecureRandom}, base64url-encoded. Only its SHA-256 hash is stored: 256 random bits need no
 * salt or slow hash, since nothing smaller than the token itself can be guessed.
 */
final class Tokens {

    static final String PREFIX = "cl_";
    /** How much of a token listings show, to tell tokens apart: {@code cl_} and 6 characters. */
    private static final int DISPLAY_LENGTH = 9;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String displayPrefix(String token) {
        return token.substring(0, Math.min(DISPLAY_LENGTH, token.length()));
    }
}
