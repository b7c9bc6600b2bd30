package io.escalera.complaint;

import io.escalera.complaint.internal.CaseActionPolicy;
import io.escalera.complaint.internal.CompensationEntity;
import io.escalera.complaint.internal.CompensationRepository;
import io.escalera.complaint.internal.ComplaintCaseEntity;
import io.escalera.complaint.internal.ComplaintCaseRepository;
import io.escalera.complaint.internal.ComplaintHistoryLog;
import io.escalera.complaint.internal.ComplaintQueries;
import io.escalera.customer.CustomerService;
import io.escalera.security.AuthenticatedUser;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compensation on complaint cases: STAFF grant up to a limit (a setting), above it a MANAGER approves or rejects;
 * only granted compensation counts (and is announced as {@link ComplaintEvents.CompensationGranted}).
 * A case outside the user's units does not exist here either.
 */
@Service
public class CompensationService {

    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("9999999999");

    private final ComplaintCaseRepository cases;
    private final CompensationRepository compensations;
    private final ComplaintQueries queries;
    private final ComplaintHistoryLog history;
    private final ComplaintSettings settings;
    private final ComplaintService complaints;
    private final CustomerService customers;
    private final SignedInUsers signedIn;
    private final UnitScopes scopes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CompensationService(ComplaintCaseRepository cases, CompensationRepository compensations, ComplaintQueries queries,
                        ComplaintHistoryLog history, ComplaintSettings settings, ComplaintService complaints,
                        CustomerService customers, SignedInUsers signedIn, UnitScopes scopes,
                        ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.compensations = compensations;
        this.queries = queries;
        this.history = history;
        this.settings = settings;
        this.complaints = complaints;
        this.customers = customers;
        this.signedIn = signedIn;
        this.scopes = scopes;
        this.events = events;
        this.clock = clock;
    }

    /** A case's compensations, oldest first. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<Compensation> compensations(long caseId) {
        complaints.get(caseId);
        return queries.compensations(caseId);
    }

    /** Compensation granted to a customer to date (approved or within the STAFF limit), whatever the cases' status. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public BigDecimal compensationOf(long customerId) {
        customers.get(customerId);
        return queries.grantedCompensation(customerId);
    }

    /**
     * Grants a compensation. STAFF grant up to the limit; above it the compensation waits for a MANAGER's approval
     * and does not count until approved.
     */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public Compensation grantCompensation(long caseId, CompensationForm form) {
        AuthenticatedUser user = signedIn.require();
        ComplaintCaseEntity complaint = cases.findById(caseId).filter(c -> scopes.canAct(c.getUnitId()))
                .orElseThrow(() -> new NotFoundException("complaint", caseId));
        CaseActionPolicy.requireWorker(complaint, user);
        if (complaint.getStatus() == ComplaintStatus.CLOSED) {
            throw new ActionRefusedException("complaint.compensation.closed");
        }
        validate(form);
        Instant now = clock.instant();
        boolean needsApproval = user.role() == Role.STAFF && form.getAmount().compareTo(settings.staffLimit()) > 0;
        CompensationEntity saved = compensations.saveAndFlush(CompensationEntity.grant(caseId, form.getType(),
                form.getAmount(), form.getReason().trim(), user.username(), user.displayName(), now, needsApproval));
        // structured for display: type in from_value, status in to_value, "amount — reason" in the note
        history.append(caseId, now, user.displayName(), "COMPENSATION", saved.getType().name(), saved.getStatus().name(),
                saved.getAmount().toPlainString() + " — " + saved.getReason());
        if (!needsApproval) {
            events.publishEvent(new ComplaintEvents.CompensationGranted(caseId, complaint.getCustomerId(), saved.getId(),
                    saved.getType(), saved.getAmount(), now));
        }
        return saved.toCompensation();
    }

    /** A MANAGER approves or rejects a compensation waiting for approval. */
    @RolesAllowed("MANAGER")
    @Transactional
    public Compensation decideCompensation(long compensationId, boolean approve) {
        AuthenticatedUser user = signedIn.require();
        CompensationEntity compensation = compensations.findById(compensationId)
                .orElseThrow(() -> new NotFoundException("compensation", compensationId));
        ComplaintCaseEntity complaint = cases.findById(compensation.getCaseId()).filter(c -> scopes.canAct(c.getUnitId()))
                .orElseThrow(() -> new NotFoundException("compensation", compensationId));
        Instant now = clock.instant();
        compensation.decide(approve, user.displayName(), now);
        try {
            compensations.saveAndFlush(compensation);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentEditException("compensation", compensationId, "?");
        }
        history.append(complaint.getId(), now, user.displayName(), "COMPENSATION", compensation.getType().name(),
                compensation.getStatus().name(), compensation.getAmount().toPlainString());
        if (approve) {
            events.publishEvent(new ComplaintEvents.CompensationGranted(complaint.getId(), complaint.getCustomerId(),
                    compensation.getId(), compensation.getType(), compensation.getAmount(), now));
        }
        return compensation.toCompensation();
    }

    private static void validate(CompensationForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.getType() == null) {
            errors.add(new FieldError("type", "validation.required"));
        }
        if (form.getAmount() == null || form.getAmount().signum() < 0 || form.getAmount().scale() > 2
                || form.getAmount().compareTo(LARGEST_AMOUNT) > 0) {
            errors.add(new FieldError("amount", "complaint.compensation.amount.invalid"));
        }
        if (!StringUtils.hasText(form.getReason())) {
            errors.add(new FieldError("reason", "validation.required"));
        } else if (form.getReason().length() > 500) {
            errors.add(new FieldError("reason", "complaint.text.too-long"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }
}
