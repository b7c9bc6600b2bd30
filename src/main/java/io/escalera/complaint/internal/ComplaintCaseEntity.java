package io.escalera.complaint.internal;

import io.escalera.complaint.ComplaintForm;
import io.escalera.shared.ActionRefusedException;

import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.Severity;
import io.escalera.interaction.InteractionChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Duration;
import java.time.Instant;

/**
 * A complaint case. Updates write only the changed columns, so that the breach job's marks (set-based SQL) are never
 * overwritten by a save that loaded the case a moment earlier.
 */
@Entity
@Table(name = "complaint_case")
@DynamicUpdate
public class ComplaintCaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_case_seq")
    @SequenceGenerator(name = "complaint_case_seq", sequenceName = "complaint_case_seq", allocationSize = 50)
    private Long id;
    @Column(name = "customer_id", nullable = false)
    private Long customerId;
    @Column(name = "unit_id", nullable = false)
    private Long unitId;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "opened_by", nullable = false)
    private String openedBy;
    @Column(name = "opened_by_name", nullable = false)
    private String openedByName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InteractionChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ComplaintCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;
    @Column(name = "order_id")
    private Long orderId;
    @Column(nullable = false)
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ComplaintStatus status;
    private String assignee;
    @Column(name = "assignee_name")
    private String assigneeName;
    @Column(name = "response_due_at", nullable = false)
    private Instant responseDueAt;
    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;
    @Column(name = "first_response_at")
    private Instant firstResponseAt;
    @Column(name = "first_response_minutes")
    private Integer firstResponseMinutes;
    @Column(name = "paused_since")
    private Instant pausedSince;
    @Column(name = "paused_minutes", nullable = false)
    private int pausedMinutes;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolution_minutes")
    private Integer resolutionMinutes;
    private String resolution;
    @Column(name = "root_cause_id")
    private Long rootCauseId;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "response_breached_at")
    private Instant responseBreachedAt;
    @Column(name = "resolution_breached_at")
    private Instant resolutionBreachedAt;
    @Column(name = "reopened_count", nullable = false)
    private int reopenedCount;
    @Column(name = "source_interaction_id")
    private Long sourceInteractionId;
    @Column(name = "updated_by_name")
    private String updatedByName;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected ComplaintCaseEntity() {
        // for JPA
    }

    /** A new case for a customer, due by the severity's targets from now. */
    public static ComplaintCaseEntity open(long customerId, long unitId, String openedBy, String openedByName,
                                           ComplaintForm form, Instant now, Duration responseTarget, Duration resolutionTarget) {
        ComplaintCaseEntity complaint = new ComplaintCaseEntity();
        complaint.customerId = customerId;
        complaint.unitId = unitId;
        complaint.openedAt = now;
        complaint.openedBy = openedBy;
        complaint.openedByName = openedByName;
        complaint.channel = form.getChannel();
        complaint.category = form.getCategory();
        complaint.severity = form.getSeverity();
        complaint.orderId = form.getOrderId();
        complaint.description = form.getDescription().trim();
        complaint.sourceInteractionId = form.getSourceInteractionId();
        complaint.status = ComplaintStatus.NEW;
        complaint.responseDueAt = now.plus(responseTarget);
        complaint.resolutionDueAt = now.plus(resolutionTarget);
        return complaint;
    }

    // ---- behaviour: the service records each change in the history and saves -----------------------------------

    /** Moves to a status the status machine allows from the current one; refuses any other. */
    public void moveTo(ComplaintStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ActionRefusedException("complaint.transition.illegal", status, target);
        }
        status = target;
    }

    public void requireOpen() {
        if (!status.isOpen()) {
            throw new ActionRefusedException("complaint.not-open");
        }
    }

    /** Hands the case to someone; a NEW case becomes ASSIGNED. @return whether the status changed */
    public boolean handTo(String username, String displayName) {
        assignee = username;
        assigneeName = displayName;
        if (status == ComplaintStatus.NEW) {
            status = ComplaintStatus.ASSIGNED;
            return true;
        }
        return false;
    }

    /** Work starts or resumes: a pause ends; the first start is the first response. */
    public void startWork(Instant now) {
        endPause(now);
        if (firstResponseAt == null) {
            firstResponseAt = now;
            firstResponseMinutes = SlaClock.minutesBetween(openedAt, now);
        }
    }

    /** Waiting for the customer pauses the resolution clock. */
    public void pause(Instant now) {
        pausedSince = now;
    }

    public void markClosed(Instant now) {
        closedAt = now;
    }

    /** A reopened case gets a fresh resolution target from now. */
    public void reopen(Instant now, Duration resolutionTarget) {
        reopenedCount++;
        resolvedAt = null;
        resolutionMinutes = null;
        closedAt = null;
        resolutionDueAt = now.plus(resolutionTarget);
        resolutionBreachedAt = null;
    }

    /**
     * Records the resolution (the status move is separate, through {@link #moveTo}).
     * @return whether it came within the SLA; a late one is marked breached now if the breach job had not yet
     */
    public boolean recordResolution(String text, long rootCause, Instant now) {
        endPause(now);
        resolution = text;
        rootCauseId = rootCause;
        resolvedAt = now;
        resolutionMinutes = SlaClock.minutesBetween(openedAt, now) - pausedMinutes;
        return SlaClock.withinSla(now, resolutionDueAt);
    }

    /** @return whether this call marked the resolution breached (it was not marked yet) */
    public boolean markResolutionBreached(Instant now) {
        if (resolutionBreachedAt != null) {
            return false;
        }
        resolutionBreachedAt = now;
        return true;
    }

    /** A new severity moves both due times (counted from the opening, plus the time already paused). */
    public void changeSeverity(Severity newSeverity, Duration responseTarget, Duration resolutionTarget) {
        severity = newSeverity;
        responseDueAt = openedAt.plus(responseTarget);
        if (reopenedCount == 0) {
            resolutionDueAt = openedAt.plus(resolutionTarget).plus(Duration.ofMinutes(pausedMinutes));
        }
    }

    public void touch(String byName, Instant now) {
        updatedByName = byName;
        updatedAt = now;
    }

    /** Leaving WAITING_CUSTOMER: the paused time moves the resolution due time forward. */
    private void endPause(Instant now) {
        if (pausedSince != null) {
            Duration paused = Duration.between(pausedSince, now);
            resolutionDueAt = resolutionDueAt.plus(paused);
            pausedMinutes += (int) paused.toMinutes();
            pausedSince = null;
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public Long getUnitId() { return unitId; }
    public Instant getOpenedAt() { return openedAt; }
    public String getOpenedBy() { return openedBy; }
    public String getOpenedByName() { return openedByName; }
    public InteractionChannel getChannel() { return channel; }
    public ComplaintCategory getCategory() { return category; }
    public Severity getSeverity() { return severity; }
    public Long getOrderId() { return orderId; }
    public String getDescription() { return description; }
    public ComplaintStatus getStatus() { return status; }
    public String getAssignee() { return assignee; }
    public String getAssigneeName() { return assigneeName; }
    public Instant getResponseDueAt() { return responseDueAt; }
    public Instant getResolutionDueAt() { return resolutionDueAt; }
    public Instant getFirstResponseAt() { return firstResponseAt; }
    public Integer getFirstResponseMinutes() { return firstResponseMinutes; }
    public Instant getPausedSince() { return pausedSince; }
    public int getPausedMinutes() { return pausedMinutes; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Integer getResolutionMinutes() { return resolutionMinutes; }
    public String getResolution() { return resolution; }
    public Long getRootCauseId() { return rootCauseId; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getResponseBreachedAt() { return responseBreachedAt; }
    public Instant getResolutionBreachedAt() { return resolutionBreachedAt; }
    public int getReopenedCount() { return reopenedCount; }
    public Long getSourceInteractionId() { return sourceInteractionId; }
    public String getUpdatedByName() { return updatedByName; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
