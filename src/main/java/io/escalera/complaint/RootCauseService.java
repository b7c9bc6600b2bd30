package io.escalera.complaint;

import io.escalera.complaint.internal.RootCauseEntity;
import io.escalera.complaint.internal.RootCauseRepository;
import io.escalera.shared.AuditLog;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NotFoundException;
import io.escalera.shared.RetirableName;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The root-cause taxonomy (cause → sub-cause), managed by MANAGER and ADMIN. Retired entries stay on the cases that
 * name them but can no longer be chosen.
 */
@Service
public class RootCauseService {

    private final RootCauseRepository rootCauses;
    private final AuditLog auditLog;

    RootCauseService(RootCauseRepository rootCauses, AuditLog auditLog) {
        this.rootCauses = rootCauses;
        this.auditLog = auditLog;
    }

    /** Every cause followed by its sub-causes, by name. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<RootCause> tree() {
        List<RootCause> all = rootCauses.findAllByOrderByNameAsc().stream().map(RootCauseService::toRootCause).toList();
        Map<Long, RootCause> byId = all.stream().collect(Collectors.toMap(RootCause::id, Function.identity()));
        Comparator<RootCause> order = Comparator.comparing((RootCause r) -> byId.get(r.isCause() ? r.id() : r.parentId()).name(),
                        String.CASE_INSENSITIVE_ORDER)
                .thenComparing(r -> r.isCause() ? r.id() : r.parentId())
                .thenComparing(RootCause::isCause, Comparator.reverseOrder())
                .thenComparing(RootCause::name, String.CASE_INSENSITIVE_ORDER);
        return all.stream().sorted(order).toList();
    }

    /** What may be chosen when resolving: active sub-causes, and active causes that have no sub-cause. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<RootCause> choosable() {
        List<RootCause> tree = tree();
        Map<Long, RootCause> byId = tree.stream().collect(Collectors.toMap(RootCause::id, Function.identity()));
        return tree.stream().filter(r -> !r.retired())
                .filter(r -> r.isCause() ? tree.stream().noneMatch(c -> r.id() == (c.parentId() == null ? -1 : c.parentId()) && !c.retired())
                        : !byId.get(r.parentId()).retired())
                .toList();
    }

    /** "Cause › Sub-cause", for pickers and the case page. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public String label(RootCause rootCause) {
        return rootCause.isCause() ? rootCause.name()
                : rootCauses.findById(rootCause.parentId()).map(RootCauseEntity::getName).orElse("?") + " › " + rootCause.name();
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public RootCause add(Long parentId, String name) {
        if (parentId != null) {
            RootCauseEntity parent = rootCauses.findById(parentId).orElseThrow(() -> new NotFoundException("root cause", parentId));
            if (parent.getParentId() != null) {
                throw FieldErrorsException.of("parent", "root-cause.two-levels");
            }
        }
        String trimmed = checkedName(parentId, name);
        RootCauseEntity saved = rootCauses.saveAndFlush(new RootCauseEntity(parentId, trimmed));
        auditLog.record("ROOT_CAUSE_ADDED", "root-cause", String.valueOf(saved.getId()), trimmed);
        return toRootCause(saved);
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public RootCause rename(long id, long version, String name) {
        RootCauseEntity entity = load(id, version);
        String trimmed = name == null ? "" : name.trim();
        if (!trimmed.equalsIgnoreCase(entity.getName())) {
            checkedName(entity.getParentId(), trimmed);
        }
        auditLog.record("ROOT_CAUSE_RENAMED", "root-cause", String.valueOf(id), entity.getName() + " → " + trimmed);
        entity.rename(trimmed);
        return toRootCause(rootCauses.saveAndFlush(entity));
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public RootCause setRetired(long id, long version, boolean retired) {
        RootCauseEntity entity = load(id, version);
        if (retired) {
            entity.retire();
        } else {
            entity.restore();
        }
        auditLog.record(retired ? "ROOT_CAUSE_RETIRED" : "ROOT_CAUSE_RESTORED", "root-cause", String.valueOf(id), entity.getName());
        return toRootCause(rootCauses.saveAndFlush(entity));
    }

    private RootCauseEntity load(long id, long version) {
        RootCauseEntity entity = rootCauses.findById(id).orElseThrow(() -> new NotFoundException("root cause", id));
        entity.requireVersion(version, "root cause");
        return entity;
    }

    private String checkedName(Long parentId, String name) {
        // unique among its siblings: the same sub-cause name may stand under two causes
        return RetirableName.checkedName(name, 120, "root-cause", trimmed -> parentId == null
                ? rootCauses.existsByParentIdIsNullAndNameIgnoreCase(trimmed)
                : rootCauses.existsByParentIdAndNameIgnoreCase(parentId, trimmed));
    }

    private static RootCause toRootCause(RootCauseEntity r) {
        return new RootCause(r.getId(), r.getParentId(), r.getName(), r.isRetired(), r.getVersion());
    }
}
