package io.escalera.support;

import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintForm;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.Severity;
import io.escalera.customer.CustomerDetails;
import io.escalera.interaction.InteractionChannel;
import io.escalera.security.Role;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Opens real complaint cases in the test database, as a STAFF colleague of the customer's unit. */
@Component
public class TestComplaints {

    private final ComplaintService complaints;
    private final TestUsers testUsers;

    public TestComplaints(ComplaintService complaints, TestUsers testUsers) {
        this.complaints = complaints;
        this.testUsers = testUsers;
    }

    public static ComplaintForm form(CustomerDetails customer, Severity severity) {
        ComplaintForm form = new ComplaintForm();
        form.setCustomerId(customer.id());
        form.setChannel(InteractionChannel.PHONE);
        form.setCategory(ComplaintCategory.LATE_DELIVERY);
        form.setSeverity(severity);
        form.setDescription("The parcel came a week late");
        return form;
    }

    /** Opens a case for the customer without changing who is signed in on this thread. */
    public ComplaintDetails openFor(CustomerDetails customer) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            testUsers.signIn(testUsers.newUserIn(Role.STAFF, customer.homeUnitId()));
            return complaints.open(form(customer, Severity.MEDIUM));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
