package io.escalera.complaint.internal;

import io.escalera.complaint.ComplaintForm;
import io.escalera.customer.CustomerDetails;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import org.springframework.util.StringUtils;

import java.util.ArrayList;
import java.util.List;

/** What a new case must have before it is opened. */
public final class OpeningCheck {

    private OpeningCheck() {
    }

    /** The form's field errors, all at once: the customer (one the user may act for), the required fields, the links. */
    /** @return the customer, known not to be null once every rule holds */
    public static CustomerDetails check(ComplaintForm form, CustomerDetails customer, CaseLinks links) {
        List<FieldError> errors = new ArrayList<>();
        if (customer == null) {
            errors.add(new FieldError("customerId", "complaint.customer.required"));
        }
        if (form.getCategory() == null) {
            errors.add(new FieldError("category", "validation.required"));
        }
        if (form.getSeverity() == null) {
            errors.add(new FieldError("severity", "validation.required"));
        }
        if (form.getChannel() == null) {
            errors.add(new FieldError("channel", "validation.required"));
        }
        if (!StringUtils.hasText(form.getDescription())) {
            errors.add(new FieldError("description", "validation.required"));
        } else if (form.getDescription().length() > 4000) {
            errors.add(new FieldError("description", "complaint.text.too-long"));
        }
        if (form.getOrderId() != null && customer != null && !links.orderBelongsTo(form.getOrderId(), customer.id())) {
            errors.add(new FieldError("orderId", "complaint.order.not-of-customer"));
        }
        if (form.getSourceInteractionId() != null && customer != null
                && !links.interactionBelongsTo(form.getSourceInteractionId(), customer.id())) {
            errors.add(new FieldError("sourceInteractionId", "complaint.interaction.not-of-customer"));
        }
        if (!errors.isEmpty() || customer == null) {
            throw new FieldErrorsException(errors);
        }
        return customer;
    }
}
