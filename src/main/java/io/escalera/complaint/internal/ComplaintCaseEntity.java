package io.escalera.complaint.internal;

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

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Instant getOpenedAt() { return openedAt; }
    public void setOpenedAt(Instant openedAt) { this.openedAt = openedAt; }
    public String getOpenedBy() { return openedBy; }
    public void setOpenedBy(String openedBy) { this.openedBy = openedBy; }
    public String getOpenedByName() { return openedByName; }
    public void setOpenedByName(String openedByName) { this.openedByName = openedByName; }
    public InteractionChannel getChannel() { return channel; }
    public void setChannel(InteractionChannel channel) { this.channel = channel; }
    public ComplaintCategory getCategory() { return category; }
    public void setCategory(ComplaintCategory category) { this.category = category; }
    public Severity getSeverity() { return severity; }
    public void setSeverity(Severity severity) { this.severity = severity; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public ComplaintStatus getStatus() { return status; }
    public void setStatus(ComplaintStatus status) { this.status = status; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public String getAssigneeName() { return assigneeName; }
    public void setAssigneeName(String assigneeName) { this.assigneeName = assigneeName; }
    public Instant getResponseDueAt() { return responseDueAt; }
    public void setResponseDueAt(Instant responseDueAt) { this.responseDueAt = responseDueAt; }
    public Instant getResolutionDueAt() { return resolutionDueAt; }
    public void setResolutionDueAt(Instant resolutionDueAt) { this.resolutionDueAt = resolutionDueAt; }
    public Instant getFirstResponseAt() { return firstResponseAt; }
    public void setFirstResponseAt(Instant firstResponseAt) { this.firstResponseAt = firstResponseAt; }
    public Integer getFirstResponseMinutes() { return firstResponseMinutes; }
    public void setFirstResponseMinutes(Integer firstResponseMinutes) { this.firstResponseMinutes = firstResponseMinutes; }
    public Instant getPausedSince() { return pausedSince; }
    public void setPausedSince(Instant pausedSince) { this.pausedSince = pausedSince; }
    public int getPausedMinutes() { return pausedMinutes; }
    public void setPausedMinutes(int pausedMinutes) { this.pausedMinutes = pausedMinutes; }
    public Instant getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; }
    public Integer getResolutionMinutes() { return resolutionMinutes; }
    public void setResolutionMinutes(Integer resolutionMinutes) { this.resolutionMinutes = resolutionMinutes; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
    public Long getRootCauseId() { return rootCauseId; }
    public void setRootCauseId(Long rootCauseId) { this.rootCauseId = rootCauseId; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public Instant getResponseBreachedAt() { return responseBreachedAt; }
    public void setResponseBreachedAt(Instant responseBreachedAt) { this.responseBreachedAt = responseBreachedAt; }
    public Instant getResolutionBreachedAt() { return resolutionBreachedAt; }
    public void setResolutionBreachedAt(Instant resolutionBreachedAt) { this.resolutionBreachedAt = resolutionBreachedAt; }
    public int getReopenedCount() { return reopenedCount; }
    public void setReopenedCount(int reopenedCount) { this.reopenedCount = reopenedCount; }
    public Long getSourceInteractionId() { return sourceInteractionId; }
    public void setSourceInteractionId(Long sourceInteractionId) { this.sourceInteractionId = sourceInteractionId; }
    public String getUpdatedByName() { return updatedByName; }
    public void setUpdatedByName(String updatedByName) { this.updatedByName = updatedByName; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long getVersion() { return version; }
}
