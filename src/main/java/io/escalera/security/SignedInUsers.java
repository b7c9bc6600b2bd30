package io.escalera.security;

import io.escalera.security.internal.EscaleraUserDetails;
import io.escalera.security.internal.UserLanguageStore;
import io.escalera.shared.CurrentUser;
import io.escalera.shared.SupportedLanguages;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.util.Locale;
import java.util.Optional;

/** Who is signed in, for other modules ({@link AuthenticatedUser}) and for the UI shell ({@link CurrentUser}). */
@Service
public class SignedInUsers implements CurrentUser {

    private final UnitDirectory units;
    private final UserLanguageStore languages;

    SignedInUsers(UnitDirectory units, UserLanguageStore languages) {
        this.units = units;
        this.languages = languages;
    }

    public Optional<AuthenticatedUser> authenticated() {
        return principal().map(p -> new AuthenticatedUser(p.id(), p.getUsername(), p.displayName(), p.role(), p.unitId(),
                p.language(), p.allUnitsAllowed()));
    }

    /** Who acts, for "updated by" columns and records: the signed-in user's username, or "system" for background work. */
    public String actorName() {
        return authenticated().map(AuthenticatedUser::username).orElse(SystemUser.NAME);
    }

    /** Whether the signed-in user serves customers (STAFF or MANAGER): who logs, opens cases and records scores. */
    public boolean isFrontLine() {
        return authenticated().map(u -> u.role() == Role.STAFF || u.role() == Role.MANAGER).orElse(false);
    }

    public AuthenticatedUser require() {
        return authenticated().orElseThrow(() -> new IllegalStateException("No user is signed in"));
    }

    @Override
    public Optional<SignedInUser> get() {
        return principal().map(p -> new SignedInUser(p.id(), p.getUsername(), p.displayName(), p.role().name(),
                units.find(p.unitId()).map(UnitDirectory.UnitRef::name).orElse(""), p.language()));
    }

    @Override
    public void changeLanguage(Locale language) {
        principal().ifPresent(p -> languages.store(p, SupportedLanguages.languageOf(language)));
    }

    static Optional<EscaleraUserDetails> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof EscaleraUserDetails details) {
            return Optional.of(details);
        }
        return Optional.empty();
    }
}
