package io.escalera.feedback;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.feedback.internal.AnswerLinks;
import io.escalera.feedback.internal.FeedbackStore;
import io.escalera.security.AuthenticatedUser;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import io.escalera.shared.Settings;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Recording answers (by staff, or from a survey link), the latest NPS of a customer, and the closed loop: an unhappy
 * answer opens a follow-up with its own SLA in the queue of the customer's unit.
 */
@Service
public class FeedbackService {

    /** Hours to close the loop with an unhappy customer (default 48). */
    public static final String FOLLOW_UP_SLA_HOURS = "feedback.follow-up.sla-hours";

    private final FeedbackStore store;
    private final CustomerService customers;
    private final SignedInUsers signedIn;
    private final UnitScopes scopes;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AnswerLinks links;

    FeedbackService(FeedbackStore store, CustomerService customers, SignedInUsers signedIn, UnitScopes scopes,
                    Settings settings, ApplicationEventPublisher events, Clock clock, AnswerLinks links) {
        this.links = links;
        this.store = store;
        this.customers = customers;
        this.signedIn = signedIn;
        this.scopes = scopes;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** STAFF and MANAGER record what a customer answered (in the shop, on the phone, when a case is resolved). */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public Feedback record(FeedbackForm form) {
        return record(form, FeedbackSource.STAFF);
    }

    /** An answer sent by a shop system through the REST API: the same rules, counted with source API. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public Feedback recordFromApi(FeedbackForm form) {
        return record(form, FeedbackSource.API);
    }

    /** One answer of the user's units (an anonymous one only for those who see every unit). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Feedback get(long id) {
        Optional<Long> unit = store.unitOf(id);
        boolean visible = unit.isPresent() ? scopes.canSee(unit.get()) : scopes.visibleUnits().isEmpty() && store.exists(id);
        return store.byId(id).filter(f -> visible).orElseThrow(() -> new NotFoundException("feedback", id));
    }

    /** Answers of the user's units, newest first; a customer, a kind and a period [from, to) narrow it. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<Feedback> list(Long customerId, FeedbackKind kind, LocalDate from, LocalDate to,
                               long offset, int limit) {
        return store.list(scopes.unitsForList(null, false), customerId, kind, startOf(from), startOf(to), offset, limit);
    }

    /** The answers list: the user's units' answers, newest first, by kind and days [from, to] when given. */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<AnswerRow> answers(FeedbackKind kind, LocalDate from, LocalDate to, long offset, int limit) {
        return store.answers(scopes.unitsForList(null, false), kind, startOf(from), startOf(to == null ? null : to.plusDays(1)), offset, limit);
    }

    /** Every answer of {@link #answers}, streamed to the sink (exports). */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public void forEachAnswer(FeedbackKind kind, LocalDate from, LocalDate to, Consumer<AnswerRow> sink) {
        store.forEachAnswer(scopes.unitsForList(null, false), kind, startOf(from), startOf(to == null ? null : to.plusDays(1)), sink);
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(clock.getZone()).toInstant();
    }

    private Feedback record(FeedbackForm form, FeedbackSource source) {
        AuthenticatedUser user = signedIn.require();
        CustomerDetails customer = form.getCustomerId() == null ? null : customers.findForAction(form.getCustomerId()).orElse(null);
        List<FieldError> errors = validate(form);
        if (customer == null) {
            errors.add(new FieldError("customerId", "feedback.customer.required"));
        } else {
            errors.addAll(links.check(form, customer.id()));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return save(form, customer.id(), customer.homeUnitId(), source, null, user.displayName());
    }

    /** Field errors of an answer: a score within its kind's range, a comment of at most 2,000 characters. */
    static List<FieldError> validate(FeedbackForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.getKind() == null) {
            errors.add(new FieldError("kind", "validation.required"));
        } else if (form.getScore() == null || !form.getKind().accepts(form.getScore())) {
            errors.add(new FieldError("score", "feedback.score.out-of-range"));
        }
        if (form.getComment() != null && form.getComment().length() > 2000) {
            errors.add(new FieldError("comment", "feedback.comment.too-long"));
        }
        if (form.getTouchpoint() == null) {
            errors.add(new FieldError("touchpoint", "validation.required"));
        }
        return errors;
    }

    /**
     * Stores an answer, announces it, and opens a follow-up when it is unhappy. Package-level entry for the survey
     * page, which has no signed-in user.
     */
    Feedback save(FeedbackForm form, Long customerId, Long unitId, FeedbackSource source, Long invitationId, String recordedBy) {
        Instant now = clock.instant();
        String comment = form.getComment() == null || form.getComment().isBlank() ? null : form.getComment().trim();
        long id = store.insert(new FeedbackStore.NewFeedback(customerId, unitId, now, form.getKind(), form.getScore(), comment,
                source, form.getTouchpoint(), form.getOrderId(), form.getInteractionId(), form.getComplaintId(), invitationId,
                recordedBy));
        events.publishEvent(new FeedbackEvents.FeedbackReceived(id, customerId, form.getKind(), form.getScore(), source,
                form.getTouchpoint(), now));
        if (form.getKind().unhappy(form.getScore())) {
            Duration sla = Duration.ofHours(settings.getInt(FOLLOW_UP_SLA_HOURS, 48));
            long followUp = store.openFollowUp(id, customerId, unitId, now, now.plus(sla));
            events.publishEvent(new FeedbackEvents.DetractorDetected(id, customerId, form.getKind(), form.getScore(), followUp, now));
        }
        return store.byId(id).orElseThrow();
    }

    /** The customer's latest NPS answer, if any (the 360 header shows it with its category). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<Feedback> latestNps(long customerId) {
        customers.get(customerId);
        return store.latest(customerId, FeedbackKind.NPS);
    }

    /** Closed-loop follow-ups of the user's units: open ones first by due time. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<LoopFollowUp> followUps(boolean openOnly, long offset, int limit) {
        return store.followUps(scopes.unitsForList(null, false), openOnly, offset, limit);
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public LoopFollowUp followUp(long id) {
        // a follow-up of an anonymous answer has no unit: only those who see every unit see it
        return store.followUp(id).filter(f -> f.unitId() == null ? scopes.visibleUnits().isEmpty() : scopes.canSee(f.unitId()))
                .orElseThrow(() -> new NotFoundException("follow-up", id));
    }

    /** The follow-up, when the user may act on it: of their home units (one of an anonymous answer: ADMIN only). */
    private LoopFollowUp actableFollowUp(long id) {
        return store.followUp(id).filter(f -> f.unitId() == null ? scopes.actsCompanyWide() : scopes.canAct(f.unitId()))
                .orElseThrow(() -> new NotFoundException("follow-up", id));
    }

    /** A MANAGER (or STAFF of the unit) closes the loop: outcome and notes. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public LoopFollowUp closeFollowUp(long id, long version, FollowUpOutcome outcome, String notes) {
        AuthenticatedUser user = signedIn.require();
        LoopFollowUp followUp = actableFollowUp(id);
        if (outcome == null) {
            throw FieldErrorsException.of("outcome", "validation.required");
        }
        if (notes != null && notes.length() > 2000) {
            throw FieldErrorsException.of("notes", "feedback.comment.too-long");
        }
        if (!followUp.open()) {
            throw new ActionRefusedException("feedback.follow-up.already-closed", followUp.closedByName());
        }
        if (!store.close(id, version, outcome, notes == null || notes.isBlank() ? null : notes.trim(), user.displayName(),
                clock.instant())) {
            throw new ConcurrentEditException("follow-up", id, "?");
        }
        LoopFollowUp closed = store.followUp(id).orElseThrow();
        events.publishEvent(new FeedbackEvents.FollowUpClosed(id, closed.customerId(), outcome, closed.openedAt(),
                Boolean.TRUE.equals(closed.withinSla())));
        return closed;
    }

    /** Loop closure and recovery for follow-ups opened from {@code from} to {@code to} (both days included), in the user's units. */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public LoopMeasures loopMeasures(LocalDate from, LocalDate to) {
        return store.loopMeasures(scopes.unitsForList(null, false), from.atStartOfDay(clock.getZone()).toInstant(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /** Records the complaint opened from a follow-up. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public LoopFollowUp linkComplaint(long id, long version, long complaintId) {
        LoopFollowUp followUp = actableFollowUp(id);
        if (followUp.customerId() == null || !links.caseOf(complaintId, followUp.customerId())) {
            throw FieldErrorsException.of("complaintId", "feedback.link.not-of-customer");
        }
        if (!store.linkComplaint(id, version, complaintId)) {
            throw new ConcurrentEditException("follow-up", id, "?");
        }
        return store.followUp(id).orElseThrow();
    }
}
