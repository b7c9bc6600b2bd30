package io.escalera.complaint;

import io.escalera.complaint.internal.CaseActionPolicy;
import io.escalera.complaint.internal.ComplaintCaseEntity;
import io.escalera.complaint.internal.ComplaintCaseRepository;
import io.escalera.complaint.internal.ComplaintHistoryLog;
import io.escalera.complaint.internal.CaseLinks;
import io.escalera.complaint.internal.ComplaintQueries;
import io.escalera.complaint.internal.OpeningCheck;
import io.escalera.complaint.internal.RootCauseRepository;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.customer.OrderRow;
import io.escalera.customer.OrderService;
import io.escalera.security.AuthenticatedUser;
import io.escalera.security.Colleagues;
import io.escalera.security.Colleagues.Colleague;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitDirectory;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Complaint cases: opening, the status machine (enforced here, whatever the screen offers), assignment, SLA clock
 * and history (the queues: {@link ComplaintQueues}; compensation: {@link CompensationService}; who may do what:
 * {@code CaseActionPolicy}). Every change names the version it was made on; a stale version is a conflict, never a
 * silent overwrite. A case belongs to its customer's home unit; outside the user's units it does not exist.
 */
@Service
public class ComplaintService {

    private final ComplaintCaseRepository cases;
    private final RootCauseRepository rootCauses;
    private final ComplaintQueries queries;
    private final ComplaintHistoryLog history;
    private final ComplaintSettings settings;
    private final CustomerService customers;
    private final OrderService orders;
    private final SignedInUsers signedIn;
    private final UnitScopes scopes;
    private final UnitDirectory units;
    private final Colleagues colleagues;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CaseLinks links;

    ComplaintService(ComplaintCaseRepository cases, RootCauseRepository rootCauses,
                     ComplaintQueries queries, ComplaintHistoryLog history, ComplaintSettings settings,
                     CustomerService customers, OrderService orders, SignedInUsers signedIn, UnitScopes scopes,
                     UnitDirectory units, Colleagues colleagues, ApplicationEventPublisher events, Clock clock,
                     CaseLinks links) {
        this.links = links;
        this.cases = cases;
        this.rootCauses = rootCauses;
        this.queries = queries;
        this.history = history;
        this.settings = settings;
        this.customers = customers;
        this.orders = orders;
        this.signedIn = signedIn;
        this.scopes = scopes;
        this.units = units;
        this.colleagues = colleagues;
        this.events = events;
        this.clock = clock;
    }

    // ---- opening and reading -------------------------------------------------------------------------------------

    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public ComplaintDetails open(ComplaintForm form) {
        AuthenticatedUser user = signedIn.require();
        CustomerDetails customer = OpeningCheck.check(form,
                form.getCustomerId() == null ? null : customers.findForAction(form.getCustomerId()).orElse(null), links);
        Instant now = now();
        ComplaintCaseEntity complaint = ComplaintCaseEntity.open(customer.id(), customer.homeUnitId(), user.username(),
                user.displayName(), form, now, settings.responseTarget(form.getSeverity()),
                settings.resolutionTarget(form.getSeverity()));
        complaint.touch(user.displayName(), now);
        ComplaintCaseEntity saved = cases.saveAndFlush(complaint);
        history.append(saved.getId(), now, user.displayName(), "CREATED", null, ComplaintStatus.NEW.name(), null);
        events.publishEvent(new ComplaintEvents.ComplaintOpened(saved.getId(), saved.getCustomerId(), saved.getUnitId(),
                saved.getChannel(), saved.getCategory(), saved.getSeverity(), saved.getOrderId(), now));
        return get(saved.getId());
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public ComplaintDetails get(long id) {
        return queries.details(id, now(), dueSoon()).filter(c -> scopes.canSee(c.unitId()))
                .orElseThrow(() -> new NotFoundException("complaint", id));
    }

    /** Whether the case exists, is visible to the user and is the customer's. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public boolean belongsTo(long caseId, long customerId) {
        return queries.details(caseId, now(), dueSoon()).filter(c -> scopes.canSee(c.unitId()))
                .filter(c -> c.customerId() == customerId).isPresent();
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        get(id);
        return queries.history(id);
    }

    /** The customer's orders a case may be linked to, newest first. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional(readOnly = true)
    public List<OrderRow> linkableOrders(long customerId) {
        customers.forAction(customerId);
        return orders.ofCustomer(customerId, 0, 50);
    }

    // ---- what the signed-in user may do ---------------------------------------------------------------------------

    /** The status changes and actions the signed-in user may take on this case now: the case page's buttons. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public Set<CaseAction> allowedActions(ComplaintDetails complaint) {
        return CaseActionPolicy.allowed(complaint, signedIn.authenticated().orElse(null), scopes.canAct(complaint.unitId()));
    }

    /** Who a MANAGER may hand this case to: front-line users of their units who can see the case. */
    @RolesAllowed("MANAGER")
    @Transactional(readOnly = true)
    public List<Colleague> assignableUsers(long id) {
        ComplaintDetails complaint = get(id);
        if (!scopes.canAct(complaint.unitId())) {
            throw new NotFoundException("complaint", id);
        }
        Set<Long> mine = scopes.unitsForList(null, false);
        return colleagues.frontLineOf(mine).stream()
                .filter(c -> units.selfAndDescendants(c.unitId()).contains(complaint.unitId()))
                .toList();
    }

    // ---- changes --------------------------------------------------------------------------------------------------

    @RolesAllowed("MANAGER")
    @Transactional
    public ComplaintDetails assign(long id, long version, String username) {
        AuthenticatedUser user = signedIn.require();
        ComplaintCaseEntity complaint = load(id, version);
        complaint.requireOpen();
        Colleague assignee = assignableUsers(id).stream().filter(c -> c.username().equalsIgnoreCase(username)).findFirst()
                .orElseThrow(() -> new ActionRefusedException("complaint.assign.not-allowed"));
        return handTo(complaint, assignee.username(), assignee.displayName(), user);
    }

    /** The signed-in user takes the case: STAFF only when nobody has it, a MANAGER also from a colleague. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public ComplaintDetails take(long id, long version) {
        AuthenticatedUser user = signedIn.require();
        ComplaintCaseEntity complaint = load(id, version);
        complaint.requireOpen();
        if (complaint.getAssignee() != null && user.role() != Role.MANAGER) {
            throw new ActionRefusedException("complaint.take.already-taken", complaint.getAssigneeName());
        }
        return handTo(complaint, user.username(), user.displayName(), user);
    }

    private ComplaintDetails handTo(ComplaintCaseEntity complaint, String username, String displayName, AuthenticatedUser user) {
        Instant now = now();
        String before = complaint.getAssigneeName();
        history.append(complaint.getId(), now, user.displayName(), "ASSIGNEE", before, displayName, null);
        if (complaint.handTo(username, displayName)) {
            history.append(complaint.getId(), now, user.displayName(), "STATUS", ComplaintStatus.NEW.name(),
                    ComplaintStatus.ASSIGNED.name(), null);
        }
        return save(complaint, user, now);
    }

    /** Start (or resume) work, wait for the customer, close, or (MANAGER) reopen. Resolving has its own method. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public ComplaintDetails move(long id, long version, ComplaintStatus target) {
        AuthenticatedUser user = signedIn.require();
        ComplaintCaseEntity complaint = load(id, version);
        if (target == ComplaintStatus.RESOLVED || target == ComplaintStatus.ASSIGNED || target == ComplaintStatus.NEW) {
            throw new ActionRefusedException("complaint.transition.illegal", complaint.getStatus(), target);
        }
        if (target == ComplaintStatus.REOPENED) {
            if (user.role() != Role.MANAGER) {
                throw new ActionRefusedException("complaint.reopen.manager-only");
            }
        } else {
            CaseActionPolicy.requireWorker(complaint, user);
        }
        Instant now = now();
        ComplaintStatus before = complaint.getStatus();
        complaint.moveTo(target);
        switch (target) {
            case IN_PROGRESS -> complaint.startWork(now);
            case WAITING_CUSTOMER -> complaint.pause(now);
            case CLOSED -> complaint.markClosed(now);
            case REOPENED -> {
                complaint.reopen(now, settings.resolutionTarget(complaint.getSeverity()));
                events.publishEvent(new ComplaintEvents.ComplaintReopened(complaint.getId(), complaint.getCustomerId(), now));
            }
            default -> { }
        }
        history.append(complaint.getId(), now, user.displayName(), "STATUS", before.name(), target.name(), null);
        return save(complaint, user, now);
    }

    /** Resolve with the resolution given to the customer and its root cause (both required). */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public ComplaintDetails resolve(long id, long version, String resolution, Long rootCauseId) {
        AuthenticatedUser user = signedIn.require();
        ComplaintCaseEntity complaint = load(id, version);
        CaseActionPolicy.requireWorker(complaint, user);
        if (!complaint.getStatus().canMoveTo(ComplaintStatus.RESOLVED)) {
            throw new ActionRefusedException("complaint.transition.illegal", complaint.getStatus(), ComplaintStatus.RESOLVED);
        }
        List<FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasText(resolution)) {
            errors.add(new FieldError("resolution", "complaint.resolution.required"));
        } else if (resolution.length() > 4000) {
            errors.add(new FieldError("resolution", "complaint.text.too-long"));
        }
        if (rootCauseId == null || rootCauses.findById(rootCauseId).filter(r -> !r.isRetired()).isEmpty()) {
            errors.add(new FieldError("rootCauseId", "complaint.root-cause.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        Instant now = now();
        ComplaintStatus before = complaint.getStatus();
        boolean withinSla = complaint.recordResolution(resolution.trim(), rootCauseId, now);
        if (!withinSla && complaint.markResolutionBreached(now)) {
            history.append(complaint.getId(), now, user.displayName(), "SLA_BREACH", null, "RESOLUTION", null);
        }
        complaint.moveTo(ComplaintStatus.RESOLVED);
        history.append(complaint.getId(), now, user.displayName(), "STATUS", before.name(), ComplaintStatus.RESOLVED.name(),
                resolution.trim());
        ComplaintDetails saved = save(complaint, user, now);
        events.publishEvent(new ComplaintEvents.ComplaintResolved(complaint.getId(), complaint.getCustomerId(),
                complaint.getUnitId(), now, complaint.getResolutionMinutes(), withinSla, rootCauseId));
        return saved;
    }

    /** A new severity moves both due times (counted from the opening, plus the time already paused). */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public ComplaintDetails changeSeverity(long id, long version, Severity severity) {
        AuthenticatedUser user = signedIn.require();
        ComplaintCaseEntity complaint = load(id, version);
        CaseActionPolicy.requireWorker(complaint, user);
        complaint.requireOpen();
        if (severity == null || severity == complaint.getSeverity()) {
            return get(id);
        }
        Instant now = now();
        history.append(id, now, user.displayName(), "SEVERITY", complaint.getSeverity().name(), severity.name(), null);
        complaint.changeSeverity(severity, settings.responseTarget(severity), settings.resolutionTarget(severity));
        return save(complaint, user, now);
    }

    /** An internal comment: history only, so it never conflicts with someone's status change. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public void comment(long id, String text) {
        AuthenticatedUser user = signedIn.require();
        if (!scopes.canAct(get(id).unitId())) {
            throw new NotFoundException("complaint", id);
        }
        if (!StringUtils.hasText(text)) {
            throw new FieldErrorsException(List.of(new FieldError("comment", "validation.required")));
        }
        if (text.length() > 4000) {
            throw new FieldErrorsException(List.of(new FieldError("comment", "complaint.text.too-long")));
        }
        history.append(id, now(), user.displayName(), "COMMENT", null, null, text.trim());
    }

    /** Marks overdue first responses and resolutions and records each in the history (the scheduled job). */
    @RolesAllowed("ADMIN")
    @Transactional
    public int markBreaches() {
        return history.markBreaches(now());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private ComplaintCaseEntity load(long id, long expectedVersion) {
        ComplaintCaseEntity complaint = cases.findById(id).filter(c -> scopes.canAct(c.getUnitId()))
                .orElseThrow(() -> new NotFoundException("complaint", id));
        if (complaint.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("complaint", id, Objects.requireNonNullElse(complaint.getUpdatedByName(), "?"));
        }
        return complaint;
    }

    private ComplaintDetails save(ComplaintCaseEntity complaint, AuthenticatedUser user, Instant now) {
        complaint.touch(user.displayName(), now);
        try {
            cases.saveAndFlush(complaint);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentEditException("complaint", complaint.getId(), "?");
        }
        return get(complaint.getId());
    }

    private Instant now() {
        return clock.instant();
    }

    private Duration dueSoon() {
        return settings.dueSoonWindow();
    }

    private String me() {
        return signedIn.authenticated().map(AuthenticatedUser::username).orElse(null);
    }
}
