package io.escalera.complaint.internal;

import io.escalera.complaint.Compensation;
import io.escalera.complaint.CompensationStatus;
import io.escalera.complaint.CompensationType;
import io.escalera.shared.ActionRefusedException;
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

import java.math.BigDecimal;
import java.time.Instant;

/** A compensation on a complaint case: granted, or waiting for a manager who approves or rejects it once. */
@Entity
@Table(name = "complaint_compensation")
public class CompensationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_compensation_seq")
    @SequenceGenerator(name = "complaint_compensation_seq", sequenceName = "complaint_compensation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "case_id", nullable = false)
    private Long caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CompensationType type;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private String reason;
    @Column(name = "granted_by", nullable = false)
    private String grantedBy;
    @Column(name = "granted_by_name", nullable = false)
    private String grantedByName;
    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CompensationStatus status;
    @Column(name = "decided_by_name")
    private String decidedByName;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Version
    private long version;

    protected CompensationEntity() {
        // for JPA
    }

    /**
     * A compensation granted on a case now; one above the granting user's limit waits for a manager's approval
     * (and does not count until approved).
     */
    public static CompensationEntity grant(long caseId, CompensationType type, BigDecimal amount, String reason,
                                           String grantedBy, String grantedByName, Instant at, boolean needsApproval) {
        CompensationEntity compensation = new CompensationEntity();
        compensation.caseId = caseId;
        compensation.type = type;
        compensation.amount = amount;
        compensation.reason = reason;
        compensation.grantedBy = grantedBy;
        compensation.grantedByName = grantedByName;
        compensation.grantedAt = at;
        compensation.status = needsApproval ? CompensationStatus.PENDING_APPROVAL : CompensationStatus.GRANTED;
        return compensation;
    }

    /** A manager's decision on a compensation waiting for approval; a second decision is refused. */
    public void decide(boolean approve, String decidedByName, Instant at) {
        if (status != CompensationStatus.PENDING_APPROVAL) {
            throw new ActionRefusedException("complaint.compensation.already-decided");
        }
        this.status = approve ? CompensationStatus.GRANTED : CompensationStatus.REJECTED;
        this.decidedByName = decidedByName;
        this.decidedAt = at;
    }

    public Compensation toCompensation() {
        return new Compensation(id, caseId, type, amount, reason, grantedByName, grantedAt, status, decidedByName, decidedAt);
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public CompensationType getType() { return type; }
    public BigDecimal getAmount() { return amount; }
    public String getReason() { return reason; }
    public CompensationStatus getStatus() { return status; }
    public long getVersion() { return version; }
}
