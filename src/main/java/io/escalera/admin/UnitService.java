package io.escalera.admin;

import io.escalera.admin.internal.UnitEntity;
import io.escalera.admin.internal.UnitRepository;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.AuditLog;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Units: anyone signed in may read them (every form picks a unit); only ADMIN changes them. Also the
 * {@link UnitDirectory} the security module scopes users with.
 */
@Service
public class UnitService implements UnitDirectory {

    private final UnitRepository units;
    private final AuditLog auditLog;

    UnitService(UnitRepository units, AuditLog auditLog) {
        this.units = units;
        this.auditLog = auditLog;
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<Unit> find(String text, Pageable pageable) {
        Map<Long, String> names = names();
        return units.search(prefix(text), pageable).stream().map(u -> toUnit(u, names)).toList();
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public long count(String text) {
        return units.countSearch(prefix(text));
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<Unit> all() {
        Map<Long, String> names = names();
        return units.findAll().stream().map(u -> toUnit(u, names))
                .sorted((a, b) -> a.code().compareToIgnoreCase(b.code())).toList();
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<Unit> get(long id) {
        return units.findById(id).map(u -> toUnit(u, names()));
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public Unit create(UnitForm form) {
        validate(form, null);
        UnitEntity unit = new UnitEntity();
        apply(form, unit);
        UnitEntity saved = units.saveAndFlush(unit);
        auditLog.record("UNIT_CREATED", "unit", saved.getCode(), saved.getName() + " (" + saved.getKind() + ")");
        return get(saved.getId()).orElseThrow();
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public Unit update(long id, UnitForm form) {
        UnitEntity unit = units.findById(id).orElseThrow(() -> new NotFoundException("unit", id));
        if (unit.getVersion() != form.getVersion()) {
            throw new ConcurrentEditException("unit", unit.getCode(), "?");
        }
        validate(form, unit);
        String before = unit.getCode() + "/" + unit.getName() + "/" + unit.getKind() + "/" + unit.getParentId();
        apply(form, unit);
        try {
            units.saveAndFlush(unit);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentEditException("unit", unit.getCode(), "?");
        }
        auditLog.record("UNIT_UPDATED", "unit", unit.getCode(),
                before + " → " + unit.getCode() + "/" + unit.getName() + "/" + unit.getKind() + "/" + unit.getParentId());
        return get(id).orElseThrow();
    }

    private void validate(UnitForm form, UnitEntity existing) {
        List<FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasText(form.getCode()) || !form.getCode().matches("[A-Za-z0-9_-]{1,30}")) {
            errors.add(new FieldError("code", "unit.code.invalid"));
        } else if ((existing == null || !existing.getCode().equalsIgnoreCase(form.getCode()))
                && units.existsByCodeIgnoreCase(form.getCode())) {
            errors.add(new FieldError("code", "unit.code.taken"));
        }
        if (!StringUtils.hasText(form.getName())) {
            errors.add(new FieldError("name", "validation.required"));
        }
        if (form.getKind() == null) {
            errors.add(new FieldError("kind", "validation.required"));
        }
        if (form.getParentId() != null) {
            Optional<UnitEntity> parent = units.findById(form.getParentId());
            if (parent.isEmpty() || parent.get().getKind() != UnitKind.REGION) {
                errors.add(new FieldError("parentId", "unit.parent.not-region"));
            } else if (existing != null && selfAndDescendants(existing.getId()).contains(form.getParentId())) {
                errors.add(new FieldError("parentId", "unit.parent.cycle"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    private static void apply(UnitForm form, UnitEntity unit) {
        unit.setCode(form.getCode());
        unit.setName(form.getName());
        unit.setKind(form.getKind());
        unit.setParentId(form.getParentId());
    }

    // --- UnitDirectory: what the security module needs to know of units ---

    @Override
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<UnitRef> find(long unitId) {
        return units.findById(unitId).map(u -> new UnitRef(u.getId(), u.getCode(), u.getName()));
    }

    @Override
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Set<Long> selfAndDescendants(long unitId) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (UnitEntity unit : units.findAll()) {
            if (unit.getParentId() != null) {
                children.computeIfAbsent(unit.getParentId(), k -> new ArrayList<>()).add(unit.getId());
            }
        }
        Set<Long> result = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(unitId));
        while (!todo.isEmpty()) {
            Long next = todo.pop();
            if (result.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }

    @Override
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<UnitRef> allUnits() {
        return units.findAll().stream().map(u -> new UnitRef(u.getId(), u.getCode(), u.getName())).toList();
    }

    private Map<Long, String> names() {
        Map<Long, String> names = new HashMap<>();
        units.findAll().forEach(u -> names.put(u.getId(), u.getName()));
        return names;
    }

    private static Unit toUnit(UnitEntity u, Map<Long, String> names) {
        return new Unit(u.getId(), u.getCode(), u.getName(), u.getKind(), u.getParentId(),
                u.getParentId() == null ? null : Objects.requireNonNullElse(names.get(u.getParentId()), ""), u.getVersion());
    }

    private static String prefix(String text) {
        return StringUtils.hasText(text) ? text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "\\_") + "%" : null;
    }
}
