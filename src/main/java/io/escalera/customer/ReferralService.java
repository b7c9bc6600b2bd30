package io.escalera.customer;

import io.escalera.customer.internal.ReferralEntity;
import io.escalera.customer.internal.ReferralRepository;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.AuditLog;
import io.escalera.shared.FieldErrorsException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Referrals: who brought whom. A customer can have been referred once. */
@Service
public class ReferralService {

    private final ReferralRepository referrals;
    private final CustomerService customers;
    private final SignedInUsers signedIn;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferralService(ReferralRepository referrals, CustomerService customers, SignedInUsers signedIn, AuditLog auditLog,
                    ApplicationEventPublisher events, Clock clock) {
        this.referrals = referrals;
        this.customers = customers;
        this.signedIn = signedIn;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @RolesAllowed({"STAFF", "MANAGER", "ADMIN"})
    @Transactional
    public Referral record(long referrerId, long referredId, LocalDate on) {
        CustomerDetails referrer = customers.forAction(referrerId);
        CustomerDetails referred = customers.forAction(referredId);
        if (referrerId == referredId) {
            throw FieldErrorsException.of("referred", "referral.self");
        }
        if (referrals.existsByReferredId(referredId)) {
            throw FieldErrorsException.of("referred", "referral.already-referred");
        }
        if (on == null || on.isAfter(LocalDate.now(clock))) {
            throw FieldErrorsException.of("on", "referral.date.future");
        }
        ReferralEntity saved = referrals.saveAndFlush(new ReferralEntity(referrerId, referredId, on,
                signedIn.actorName()));
        auditLog.record("REFERRAL_RECORDED", "customer", referred.externalCode(), "referred by " + referrer.externalCode());
        events.publishEvent(new CustomerEvents.CustomerReferred(referrerId, referredId, on));
        return new Referral(saved.getId(), referrerId, referrer.name(), referredId, referred.name(), on);
    }

    /** Referrals the customer made or received, newest first. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<Referral> of(long customerId) {
        customers.get(customerId);
        return referrals.findByReferrerIdOrReferredIdOrderByReferredOnDesc(customerId, customerId).stream()
                .map(r -> new Referral(r.getId(), r.getReferrerId(), nameOf(r.getReferrerId()), r.getReferredId(),
                        nameOf(r.getReferredId()), r.getReferredOn()))
                .toList();
    }

    private String nameOf(long customerId) {
        return customers.find(customerId).map(CustomerDetails::name).orElse("—");
    }
}
