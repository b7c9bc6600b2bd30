package io.escalera.interaction;

import io.escalera.interaction.internal.ReasonEntity;
import io.escalera.interaction.internal.ReasonRepository;
import io.escalera.shared.AuditLog;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.util.List;

/** The reasons list: MANAGER and ADMIN add, rename and retire reasons; retired ones stay on old interactions. */
@Service
public class ReasonService {

    private final ReasonRepository reasons;
    private final AuditLog auditLog;

    ReasonService(ReasonRepository reasons, AuditLog auditLog) {
        this.reasons = reasons;
        this.auditLog = auditLog;
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<Reason> all() {
        return reasons.findAllByOrderByRetiredAscNameAsc().stream().map(ReasonService::toReason).toList();
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<Reason> active() {
        return all().stream().filter(r -> !r.retired()).toList();
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public Reason add(String name) {
        String trimmed = checkedName(name);
        ReasonEntity reason = new ReasonEntity();
        reason.setName(trimmed);
        ReasonEntity saved = reasons.saveAndFlush(reason);
        auditLog.record("REASON_ADDED", "interaction-reason", String.valueOf(saved.getId()), trimmed);
        return toReason(saved);
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public Reason rename(long id, long version, String name) {
        ReasonEntity reason = load(id, version);
        String trimmed = name == null ? "" : name.trim();
        if (!trimmed.equalsIgnoreCase(reason.getName())) {
            checkedName(trimmed);
        }
        auditLog.record("REASON_RENAMED", "interaction-reason", String.valueOf(id), reason.getName() + " → " + trimmed);
        reason.setName(trimmed);
        return toReason(reasons.saveAndFlush(reason));
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public Reason setRetired(long id, long version, boolean retired) {
        ReasonEntity reason = load(id, version);
        reason.setRetired(retired);
        auditLog.record(retired ? "REASON_RETIRED" : "REASON_RESTORED", "interaction-reason", String.valueOf(id), reason.getName());
        return toReason(reasons.saveAndFlush(reason));
    }

    private ReasonEntity load(long id, long version) {
        ReasonEntity reason = reasons.findById(id).orElseThrow(() -> new NotFoundException("reason", id));
        if (reason.getVersion() != version) {
            throw new ConcurrentEditException("reason", id, "?");
        }
        return reason;
    }

    private String checkedName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (!StringUtils.hasText(trimmed) || trimmed.length() > 80) {
            throw FieldErrorsException.of("name", "reason.name.invalid");
        }
        if (reasons.existsByNameIgnoreCase(trimmed)) {
            throw FieldErrorsException.of("name", "reason.name.taken");
        }
        return trimmed;
    }

    private static Reason toReason(ReasonEntity r) {
        return new Reason(r.getId(), r.getName(), r.isRetired(), r.getVersion());
    }
}
