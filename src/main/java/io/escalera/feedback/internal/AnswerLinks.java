package io.escalera.feedback.internal;

import io.escalera.complaint.ComplaintService;
import io.escalera.customer.OrderService;
import io.escalera.feedback.FeedbackForm;
import io.escalera.interaction.InteractionService;
import io.escalera.shared.FieldErrorsException.FieldError;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The order, interaction and case an answer names must be the answering customer's and visible to the user: ids from
 * a request body are never trusted to point at the same customer.
 */
@Component
public class AnswerLinks {

    private final OrderService orders;
    private final InteractionService interactions;
    private final ComplaintService complaints;

    AnswerLinks(OrderService orders, InteractionService interactions, ComplaintService complaints) {
        this.orders = orders;
        this.interactions = interactions;
        this.complaints = complaints;
    }

    public List<FieldError> check(FeedbackForm form, long customerId) {
        return check(form.getOrderId(), form.getInteractionId(), form.getComplaintId(), customerId);
    }

    /** Field errors for each named record (null: none named) that is not the customer's. */
    public List<FieldError> check(Long orderId, Long interactionId, Long complaintId, long customerId) {
        List<FieldError> errors = new ArrayList<>();
        if (orderId != null && !orders.belongsTo(orderId, customerId)) {
            errors.add(new FieldError("orderId", "feedback.link.not-of-customer"));
        }
        if (interactionId != null && !interactions.belongsTo(interactionId, customerId)) {
            errors.add(new FieldError("interactionId", "feedback.link.not-of-customer"));
        }
        if (complaintId != null && !complaints.belongsTo(complaintId, customerId)) {
            errors.add(new FieldError("complaintId", "feedback.link.not-of-customer"));
        }
        return errors;
    }

    /** Whether the case may be linked to a follow-up of this customer: the customer's, and the user may act on it. */
    public boolean caseOf(long complaintId, long customerId) {
        return complaints.belongsTo(complaintId, customerId);
    }
}
