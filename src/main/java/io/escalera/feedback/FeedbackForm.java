package io.escalera.feedback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One answer as staff record it (or a survey page sends it). */
public class FeedbackForm {

    private Long customerId;
    @NotNull
    private FeedbackKind kind = FeedbackKind.NPS;
    @NotNull
    private Integer score;
    @Size(max = 2000)
    private String comment;
    @NotNull
    private Touchpoint touchpoint = Touchpoint.RELATIONSHIP;
    private Long orderId;
    private Long interactionId;
    private Long complaintId;

    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public FeedbackKind getKind() { return kind; }
    public void setKind(FeedbackKind kind) { this.kind = kind; }
    public Integer getScore() { return score; }
    public void setScore(Integer score) { this.score = score; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public Touchpoint getTouchpoint() { return touchpoint; }
    public void setTouchpoint(Touchpoint touchpoint) { this.touchpoint = touchpoint; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public Long getInteractionId() { return interactionId; }
    public void setInteractionId(Long interactionId) { this.interactionId = interactionId; }
    public Long getComplaintId() { return complaintId; }
    public void setComplaintId(Long complaintId) { this.complaintId = complaintId; }
}
