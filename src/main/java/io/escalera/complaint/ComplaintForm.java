package io.escalera.complaint;

import io.escalera.interaction.InteractionChannel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new case, as typed in the complaint dialog (or prefilled from an interaction). */
public class ComplaintForm {

    @NotNull
    private Long customerId;
    @NotNull
    private InteractionChannel channel = InteractionChannel.PHONE;
    @NotNull
    private ComplaintCategory category;
    @NotNull
    private Severity severity = Severity.MEDIUM;
    private Long orderId;
    @NotBlank
    @Size(max = 4000)
    private String description;
    private Long sourceInteractionId;

    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
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
    public Long getSourceInteractionId() { return sourceInteractionId; }
    public void setSourceInteractionId(Long sourceInteractionId) { this.sourceInteractionId = sourceInteractionId; }
}
