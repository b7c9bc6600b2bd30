package io.escalera.security.internal;

import io.escalera.security.AuthenticatedUser;
import io.escalera.security.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The principal kept in the session: enough to scope every request without a database round trip. */
public class EscaleraUserDetails implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final long unitId;
    private final boolean enabled;
    private final boolean allUnitsAllowed;
    private volatile int sessionStamp;
    private volatile Locale language;
    private volatile boolean mustChangePassword;

    EscaleraUserDetails(UserEntity user) {
        this.id = user.getId();
        this.username = user.getUsername();
        this.passwordHash = user.getPasswordHash();
        this.displayName = user.getDisplayName();
        this.role = user.getRole();
        this.unitId = user.getUnitId();
        this.enabled = user.isEnabled();
        this.allUnitsAllowed = user.isAllUnitsAllowed();
        this.sessionStamp = user.getSessionStamp();
        this.language = user.getPreferredLanguage() == null ? null : Locale.forLanguageTag(user.getPreferredLanguage());
        this.mustChangePassword = user.isMustChangePassword();
    }

    private EscaleraUserDetails(long id, String username, String displayName, Role role, long unitId) {
        this.id = id;
        this.username = username;
        this.passwordHash = null;
        this.displayName = displayName;
        this.role = role;
        this.unitId = unitId;
        this.enabled = true;
        this.allUnitsAllowed = false;
        this.sessionStamp = 0;
        this.language = Locale.ENGLISH;
    }

    /**
     * The principal of a REST call made with an API token: the token's role and unit, named after the token so that
     * the audit log and "updated by" show which integration did it. Its id is the token's, negated, so that it can
     * never be taken for a user's.
     */
    static EscaleraUserDetails forApiToken(long tokenId, String tokenName, Role role, long unitId) {
        return new EscaleraUserDetails(-tokenId, "api:" + tokenName, "API · " + tokenName, role, unitId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    public long id() { return id; }
    public String displayName() { return displayName; }
    public Role role() { return role; }
    public long unitId() { return unitId; }
    public Locale language() { return language; }
    public boolean allUnitsAllowed() { return allUnitsAllowed; }
    int sessionStamp() { return sessionStamp; }

    /** Whether the user must choose a new password before anything else (the first admin). */
    public boolean mustChangePassword() { return mustChangePassword; }

    /**
     * The user changed their own password in this session: this session takes the account's new stamp and stays
     * signed in, while every other session of the account (older stamp) ends at its next request.
     */
    public void passwordChanged(int newSessionStamp) {
        this.mustChangePassword = false;
        this.sessionStamp = newSessionStamp;
    }

    void language(Locale language) {
        this.language = language;
    }

    AuthenticatedUser toAuthenticatedUser() {
        return new AuthenticatedUser(id, username, displayName, role, unitId, language, allUnitsAllowed);
    }
}
