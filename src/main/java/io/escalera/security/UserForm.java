package io.escalera.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * What an ADMIN types to create or edit a user. A mutable bean for the form binder; the service re-validates.
 */
public class UserForm {

    @NotBlank
    @Size(min = 3, max = 60)
    @Pattern(regexp = "[a-zA-Z0-9._-]+")
    private String username;

    @NotBlank
    @Size(max = 120)
    private String displayName;

    @Email
    @Size(max = 200)
    private String email;

    @NotNull
    private Role role = Role.STAFF;

    @NotNull
    private Long unitId;

    private boolean enabled = true;

    /** STAFF and MANAGER: may widen lists from their own unit to all units. */
    private boolean allUnitsAllowed;

    private Locale language;

    /** Only for a new user; existing users get a new password through "reset password". */
    private String password;

    private long version;

    public static UserForm of(UserAccount account) {
        UserForm form = new UserForm();
        form.username = account.username();
        form.displayName = account.displayName();
        form.email = account.email();
        form.role = account.role();
        form.unitId = account.unitId();
        form.enabled = account.enabled();
        form.allUnitsAllowed = account.allUnitsAllowed();
        form.language = account.language();
        form.version = account.version();
        return form;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username == null ? null : username.trim(); }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null || email.isBlank() ? null : email.trim(); }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isAllUnitsAllowed() { return allUnitsAllowed; }
    public void setAllUnitsAllowed(boolean allUnitsAllowed) { this.allUnitsAllowed = allUnitsAllowed; }
    public Locale getLanguage() { return language; }
    public void setLanguage(Locale language) { this.language = language; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
