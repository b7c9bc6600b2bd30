package io.escalera.security;

import io.escalera.security.internal.AccountStates;
import io.escalera.security.internal.EscaleraUserDetails;
import io.escalera.security.internal.UserEntity;
import io.escalera.security.internal.UserRepository;
import io.escalera.shared.AuditLog;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The signed-in user's own password: changed only with the current one, under the {@link PasswordPolicy}. A user who
 * must choose a new password (the first admin) is sent to the change-password view until done.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class OwnPassword {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final SignedInUsers signedIn;
    private final AccountStates accountStates;

    OwnPassword(UserRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog, SignedInUsers signedIn,
                AccountStates accountStates) {
        this.accountStates = accountStates;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.signedIn = signedIn;
    }

    /** Whether the signed-in user must choose a new password before going anywhere else. */
    public boolean mustChange() {
        return SignedInUsers.principal().map(EscaleraUserDetails::mustChangePassword).orElse(false);
    }

    @Transactional
    public void change(String current, String newPassword, String repeated) {
        AuthenticatedUser me = signedIn.require();
        UserEntity user = users.findById(me.id()).orElseThrow(() -> FieldErrorsException.of("current", "password.current-wrong"));
        List<FieldError> errors = new ArrayList<>();
        if (current == null || !passwordEncoder.matches(current, user.getPasswordHash())) {
            errors.add(new FieldError("current", "password.current-wrong"));
        }
        PasswordPolicy.violation(newPassword, user.getUsername()).ifPresentOrElse(
                key -> errors.add(new FieldError("newPassword", key)),
                () -> {
                    if (Objects.equals(newPassword, current)) {
                        errors.add(new FieldError("newPassword", "password.same-as-current"));
                    }
                });
        if (!Objects.equals(newPassword, repeated)) {
            errors.add(new FieldError("repeated", "password.repeat-differs"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        user.setMustChangePassword(false);
        user.setUpdatedBy(user.getUsername());
        // The user's other sessions (another browser, a forgotten one at a shared desk) end; this one carries on.
        user.endSessions();
        users.saveAndFlush(user);
        accountStates.changed(user.getId());
        auditLog.record("USER_PASSWORD_CHANGED", "user", user.getUsername(), null);
        int newStamp = user.getSessionStamp();
        SignedInUsers.principal().ifPresent(principal -> principal.passwordChanged(newStamp));
    }
}
