package io.escalera.interaction.internal;

import io.escalera.interaction.Direction;
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

import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "interaction")
public class InteractionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interaction_seq")
    @SequenceGenerator(name = "interaction_seq", sequenceName = "interaction_seq", allocationSize = 50)
    private Long id;
    @Column(name = "customer_id", nullable = false)
    private Long customerId;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InteractionChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;
    @Column(name = "reason_id", nullable = false)
    private Long reasonId;
    @Column(nullable = false)
    private String summary;
    @Column(name = "resolved_first_contact", nullable = false)
    private boolean resolvedFirstContact;
    @Column(nullable = false)
    private int minutes;
    @Column(name = "handled_by", nullable = false)
    private String handledBy;
    @Column(name = "handled_by_name", nullable = false)
    private String handledByName;
    @Column(name = "unit_id", nullable = false)
    private Long unitId;
    @Column(name = "follow_up_on")
    private LocalDate followUpOn;
    @Column(name = "follow_up_done_at")
    private Instant followUpDoneAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Instant getOccurredAt() { return occurredAt; }
    public void setOccurredAt(Instant occurredAt) { this.occurredAt = occurredAt; }
    public InteractionChannel getChannel() { return channel; }
    public void setChannel(InteractionChannel channel) { this.channel = channel; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public Long getReasonId() { return reasonId; }
    public void setReasonId(Long reasonId) { this.reasonId = reasonId; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public boolean isResolvedFirstContact() { return resolvedFirstContact; }
    public void setResolvedFirstContact(boolean resolvedFirstContact) { this.resolvedFirstContact = resolvedFirstContact; }
    public int getMinutes() { return minutes; }
    public void setMinutes(int minutes) { this.minutes = minutes; }
    public String getHandledBy() { return handledBy; }
    public void setHandledBy(String handledBy) { this.handledBy = handledBy; }
    public String getHandledByName() { return handledByName; }
    public void setHandledByName(String handledByName) { this.handledByName = handledByName; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public LocalDate getFollowUpOn() { return followUpOn; }
    public void setFollowUpOn(LocalDate followUpOn) { this.followUpOn = followUpOn; }
    public Instant getFollowUpDoneAt() { return followUpDoneAt; }
    public void setFollowUpDoneAt(Instant followUpDoneAt) { this.followUpDoneAt = followUpDoneAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public long getVersion() { return version; }
}
