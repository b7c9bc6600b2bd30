package io.escalera.security;

import java.util.Optional;

/** The password rules of the brief: at least 12 characters, and not the username. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** The message key of the first rule broken, or empty when the password is acceptable. */
    public static Optional<String> violation(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.isBlank()) {
            return Optional.of("password.too-short");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("password.same-as-username");
        }
        return Optional.empty();
    }
}
