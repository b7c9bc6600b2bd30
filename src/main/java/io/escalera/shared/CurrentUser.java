package io.escalera.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * A port the security module implements, so that the shared UI shell can show who is signed in without depending on
 * the security module.
 */
public interface CurrentUser {

    Optional<SignedInUser> get();

    /** Remembers the signed-in user's language choice. */
    void changeLanguage(Locale language);

    record SignedInUser(long id, String username, String displayName, String role, String unitName, Locale language) {
    }
}
