package io.escalera.customer.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "referral")
public class ReferralEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
    @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
    private Long id;
    @Column(name = "referrer_id", nullable = false)
    private Long referrerId;
    @Column(name = "referred_id", nullable = false)
    private Long referredId;
    @Column(name = "referred_on", nullable = false)
    private LocalDate referredOn;
    @Column(name = "created_by")
    private String createdBy;

    protected ReferralEntity() {
    }

    public ReferralEntity(Long referrerId, Long referredId, LocalDate referredOn, String createdBy) {
        this.referrerId = referrerId;
        this.referredId = referredId;
        this.referredOn = referredOn;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public Long getReferrerId() { return referrerId; }
    public Long getReferredId() { return referredId; }
    public LocalDate getReferredOn() { return referredOn; }
}
