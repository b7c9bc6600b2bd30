package io.escalera.interaction;

import io.escalera.interaction.internal.ReasonEntity;
import io.escalera.interaction.internal.ReasonRepository;
import io.escalera.shared.AuditLog;
import io.escalera.shared.NotFoundException;
import io.escalera.shared.RetirableName;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
        ReasonEntity saved = reasons.saveAndFlush(new ReasonEntity(trimmed));
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
        reason.rename(trimmed);
        return toReason(reasons.saveAndFlush(reason));
    }

    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public Reason setRetired(long id, long version, boolean retired) {
        ReasonEntity reason = load(id, version);
        if (retired) {
            reason.retire();
        } else {
            reason.restore();
        }
        auditLog.record(retired ? "REASON_RETIRED" : "REASON_RESTORED", "interaction-reason", String.valueOf(id), reason.getName());
        return toReason(reasons.saveAndFlush(reason));
    }

    private ReasonEntity load(long id, long version) {
        ReasonEntity reason = reasons.findById(id).orElseThrow(() -> new NotFoundException("reason", id));
        reason.requireVersion(version, "reason");
        return reason;
    }

    private String checkedName(String name) {
        return RetirableName.checkedName(name, 80, "reason", reasons::existsByNameIgnoreCase);
    }

    private static Reason toReason(ReasonEntity r) {
        return new Reason(r.getId(), r.getName(), r.isRetired(), r.getVersion());
    }
}
