package io.escalera.interaction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** What front-line staff type in the quick-log dialog. */
public class InteractionForm {

    @NotNull
    private Long customerId;
    @NotNull
    private InteractionChannel channel = InteractionChannel.PHONE;
    @NotNull
    private Direction direction = Direction.IN;
    @NotNull
    private Long reasonId;
    @NotBlank
    @Size(max = 2000)
    private String summary;
    private boolean resolvedFirstContact = true;
    @NotNull
    @Min(0)
    @Max(1440)
    private Integer minutes = 5;
    private LocalDate followUpOn;

    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public InteractionChannel getChannel() { return channel; }
    public void setChannel(InteractionChannel channel) { this.channel = channel; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public Long getReasonId() { return reasonId; }
    public void setReasonId(Long reasonId) { this.reasonId = reasonId; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary == null ? null : summary.trim(); }
    public boolean isResolvedFirstContact() { return resolvedFirstContact; }
    public void setResolvedFirstContact(boolean resolvedFirstContact) { this.resolvedFirstContact = resolvedFirstContact; }
    public Integer getMinutes() { return minutes; }
    public void setMinutes(Integer minutes) { this.minutes = minutes; }
    public LocalDate getFollowUpOn() { return followUpOn; }
    public void setFollowUpOn(LocalDate followUpOn) { this.followUpOn = followUpOn; }
}
