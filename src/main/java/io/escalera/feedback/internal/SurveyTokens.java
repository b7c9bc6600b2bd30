package io.escalera.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Survey tokens: 256 random bits from SecureRandom, URL-safe Base64 (43 characters). Only the SHA-256 of a token is
 * stored, so a token is shown or mailed once, when it is minted; minting again replaces the previous one.
 */
public final class SurveyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SurveyTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
