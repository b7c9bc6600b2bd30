package io.escalera.security;

import io.escalera.security.internal.AccountStates;
import io.escalera.security.internal.UserEntity;
import io.escalera.security.internal.UserRepository;
import io.escalera.shared.AuditLog;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.DemoProperties;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Users' administration: ADMIN only, every change audited. */
@Service
@RolesAllowed("ADMIN")
public class UserAdministration {

    private final UserRepository users;
    private final UnitDirectory units;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final SignedInUsers signedIn;
    private final Clock clock;
    private final DemoProperties demo;
    private final AccountStates accountStates;

    UserAdministration(UserRepository users, UnitDirectory units, PasswordEncoder passwordEncoder, AuditLog auditLog,
                       SignedInUsers signedIn, Clock clock, DemoProperties demo, AccountStates accountStates) {
        this.accountStates = accountStates;
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.signedIn = signedIn;
        this.clock = clock;
        this.demo = demo;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> find(String text, Pageable pageable) {
        Map<Long, String> unitNames = units.allUnits().stream()
                .collect(Collectors.toMap(UnitDirectory.UnitRef::id, UnitDirectory.UnitRef::name));
        return users.search(prefix(text), pageable).stream().map(u -> toAccount(u, unitNames::get)).toList();
    }

    @Transactional(readOnly = true)
    public long count(String text) {
        return users.countSearch(prefix(text));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(long id) {
        return users.findById(id).map(u -> toAccount(u, unitId -> units.find(unitId).map(UnitDirectory.UnitRef::name).orElse("")));
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.existsByUsernameIgnoreCase(username);
    }

    @Transactional(readOnly = true)
    public boolean hasAnyUser() {
        return users.count() > 0;
    }

    @Transactional
    public UserAccount create(UserForm form) {
        List<FieldError> errors = new ArrayList<>(commonErrors(form, null));
        PasswordPolicy.violation(form.getPassword(), form.getUsername()).ifPresent(key -> errors.add(new FieldError("password", key)));
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        UserEntity user = new UserEntity();
        apply(form, user);
        user.setPasswordHash(passwordEncoder.encode(form.getPassword()));
        user.setCreatedAt(clock.instant());
        // Every account made in demo mode lives in a demo database: refused at login once demo mode is off.
        user.setDemo(demo.enabled());
        UserEntity saved = users.saveAndFlush(user);
        auditLog.record("USER_CREATED", "user", saved.getUsername(), "role " + saved.getRole() + ", unit " + saved.getUnitId());
        return find(saved.getId()).orElseThrow();
    }

    @Transactional
    public UserAccount update(long id, UserForm form) {
        UserEntity user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        if (user.getVersion() != form.getVersion()) {
            throw new ConcurrentEditException("user", user.getUsername(), Objects.requireNonNullElse(user.getUpdatedBy(), "?"));
        }
        List<FieldError> errors = new ArrayList<>(commonErrors(form, user));
        signedIn.authenticated().filter(me -> me.id() == id).ifPresent(me -> {
            if (form.getRole() != Role.ADMIN) {
                errors.add(new FieldError("role", "user.own-admin-role"));
            }
            if (!form.isEnabled()) {
                errors.add(new FieldError("enabled", "user.own-account-disabled"));
            }
        });
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        String before = describe(user);
        boolean rightsChange = user.isEnabled() != form.isEnabled() || user.getRole() != form.getRole()
                || !user.getUnitId().equals(form.getUnitId()) || user.isAllUnitsAllowed() != form.isAllUnitsAllowed()
                || !user.getUsername().equals(form.getUsername());
        apply(form, user);
        if (rightsChange) {
            user.endSessions();
        }
        try {
            users.saveAndFlush(user);
        } catch (OptimisticLockingFailureException e) {
            // Both saves passed the version check at the same moment: the database's version column decides.
            throw new ConcurrentEditException("user", user.getUsername(), "?");
        }
        if (rightsChange) {
            accountStates.changed(id);
        }
        auditLog.record("USER_UPDATED", "user", user.getUsername(), before + " → " + describe(user));
        return find(id).orElseThrow();
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        UserEntity user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        PasswordPolicy.violation(newPassword, user.getUsername()).ifPresent(key -> {
            throw FieldErrorsException.of("password", key);
        });
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        user.endSessions();
        user.setUpdatedBy(signedIn.actorName());
        users.saveAndFlush(user);
        accountStates.changed(id);
        auditLog.record("USER_PASSWORD_RESET", "user", user.getUsername(), null);
    }

    /** The user must choose a new password at their next login, before going anywhere else. */
    @Transactional
    public void requirePasswordChange(long id) {
        UserEntity user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        user.setMustChangePassword(true);
        user.setUpdatedBy(signedIn.actorName());
        users.saveAndFlush(user);
        auditLog.record("USER_MUST_CHANGE_PASSWORD", "user", user.getUsername(), null);
    }

    private List<FieldError> commonErrors(UserForm form, UserEntity existing) {
        List<FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasText(form.getUsername()) || !form.getUsername().matches("[a-zA-Z0-9._-]{3,60}")) {
            errors.add(new FieldError("username", "user.username.invalid"));
        } else if ((existing == null || !existing.getUsername().equalsIgnoreCase(form.getUsername()))
                && users.existsByUsernameIgnoreCase(form.getUsername())) {
            errors.add(new FieldError("username", "user.username.taken"));
        }
        if (!StringUtils.hasText(form.getDisplayName())) {
            errors.add(new FieldError("displayName", "validation.required"));
        }
        if (form.getRole() == null) {
            errors.add(new FieldError("role", "validation.required"));
        }
        if (form.getUnitId() == null || units.find(form.getUnitId()).isEmpty()) {
            errors.add(new FieldError("unitId", "user.unit.required"));
        }
        return errors;
    }

    private void apply(UserForm form, UserEntity user) {
        user.setUsername(form.getUsername());
        user.setDisplayName(form.getDisplayName().trim());
        user.setEmail(form.getEmail());
        user.setRole(form.getRole());
        user.setUnitId(form.getUnitId());
        user.setEnabled(form.isEnabled());
        user.setAllUnitsAllowed(form.isAllUnitsAllowed());
        user.setPreferredLanguage(form.getLanguage() == null ? null : form.getLanguage().getLanguage());
        user.setUpdatedBy(signedIn.actorName());
    }


    private static String describe(UserEntity user) {
        return "%s/%s/unit %d/%s%s".formatted(user.getDisplayName(), user.getRole(), user.getUnitId(),
                user.isEnabled() ? "enabled" : "disabled", user.isAllUnitsAllowed() ? "/all units" : "");
    }

    private static String prefix(String text) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        return text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "\\_") + "%";
    }

    private static UserAccount toAccount(UserEntity u, Function<Long, String> unitName) {
        return new UserAccount(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRole(), u.getUnitId(),
                Objects.requireNonNullElse(unitName.apply(u.getUnitId()), ""), u.isEnabled(), u.isAllUnitsAllowed(),
                u.getPreferredLanguage() == null ? null : Locale.forLanguageTag(u.getPreferredLanguage()),
                u.getCreatedAt(), u.getVersion());
    }
}
