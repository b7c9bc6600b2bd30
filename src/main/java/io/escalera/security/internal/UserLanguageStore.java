package io.escalera.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Remembers a user's language choice (no version bump: it is a preference, not an edit of the account). */
@Component
public class UserLanguageStore {

    private final JdbcClient jdbc;

    UserLanguageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void store(EscaleraUserDetails user, Locale language) {
        jdbc.sql("UPDATE app_user SET preferred_language = ? WHERE id = ?").params(language.getLanguage(), user.id()).update();
        user.language(language);
    }
}
