package io.escalera.security;

import io.escalera.security.internal.ApiTokenStore;
import io.escalera.shared.AuditLog;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * API tokens for the REST API, issued and revoked by an ADMIN. A token acts with one role for one unit (and the units
 * below it), until it expires or is revoked; its secret is shown once and stored only as a hash.
 */
@Service
@RolesAllowed("ADMIN")
public class ApiTokens {

    /** Longest life of a token: integrations must be re-keyed at least once a year. */
    public static final int MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenStore store;
    private final UnitDirectory units;
    private final SignedInUsers signedIn;
    private final AuditLog auditLog;
    private final Clock clock;

    ApiTokens(ApiTokenStore store, UnitDirectory units, SignedInUsers signedIn, AuditLog auditLog, Clock clock) {
        this.store = store;
        this.units = units;
        this.signedIn = signedIn;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Every token, newest first, with the name of its unit. */
    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return store.all();
    }

    @Transactional
    public ApiToken.Issued issue(ApiTokenForm form) {
        List<FieldError> errors = new ArrayList<>();
        String name = form.getName() == null ? "" : form.getName().trim();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "validation.required"));
        } else if (name.length() > 40 || !name.matches("[A-Za-z0-9._-]+")) {
            errors.add(new FieldError("name", "api-token.name.invalid"));
        } else if (store.activeNameTaken(name, clock.instant())) {
            errors.add(new FieldError("name", "api-token.name.taken"));
        }
        if (form.getRole() == null) {
            errors.add(new FieldError("role", "validation.required"));
        }
        if (form.getUnitId() == null || units.find(form.getUnitId()).isEmpty()) {
            errors.add(new FieldError("unitId", "validation.required"));
        }
        LocalDate today = LocalDate.now(clock);
        if (form.getExpiresOn() == null) {
            errors.add(new FieldError("expiresOn", "validation.required"));
        } else if (!form.getExpiresOn().isAfter(today) || form.getExpiresOn().isAfter(today.plusDays(MAX_DAYS))) {
            errors.add(new FieldError("expiresOn", "api-token.expiry.range"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        String secret = newSecret();
        Instant expiresAt = form.getExpiresOn().atStartOfDay(ZoneId.systemDefault()).toInstant();
        long id = store.insert(name, secret.substring(0, 12), ApiTokenStore.hash(secret), form.getRole(), form.getUnitId(),
                signedIn.actorName(), clock.instant(), expiresAt);
        auditLog.record("API_TOKEN_ISSUED", "api-token", name, "role " + form.getRole() + ", unit " + form.getUnitId()
                + ", expires " + form.getExpiresOn());
        return new ApiToken.Issued(store.byId(id).orElseThrow(), secret);
    }

    /** Revokes a token at once: the next call made with it is refused. Revoking twice changes nothing. */
    @Transactional
    public ApiToken revoke(long id) {
        ApiToken token = store.byId(id).orElseThrow(() -> new NotFoundException("api-token", id));
        if (token.revokedAt() == null) {
            store.revoke(id, clock.instant(), signedIn.actorName());
            auditLog.record("API_TOKEN_REVOKED", "api-token", token.name(), null);
        }
        return store.byId(id).orElseThrow();
    }


    /** "esc_" and 32 random bytes, URL-safe: 256 bits, so that a hash without salt or stretching is enough. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "esc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
