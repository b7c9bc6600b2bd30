package io.escalera.interaction;

import io.escalera.customer.CustomerService;
import io.escalera.interaction.internal.InteractionEntity;
import io.escalera.interaction.internal.InteractionQueries;
import io.escalera.interaction.internal.InteractionRepository;
import io.escalera.interaction.internal.ReasonRepository;
import io.escalera.security.AuthenticatedUser;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.AuditLog;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import io.escalera.shared.Settings;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Logging interactions, their follow-ups, and the cost to serve a customer. */
@Service
public class InteractionService {

    /** Cost of one minute of staff time, for the cost to serve (money, in the configured currency). */
    public static final String COST_PER_MINUTE = "interaction.cost-per-minute";

    private final InteractionRepository interactions;
    private final InteractionQueries queries;
    private final ReasonRepository reasons;
    private final CustomerService customers;
    private final SignedInUsers signedIn;
    private final UnitScopes scopes;
    private final Settings settings;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InteractionService(InteractionRepository interactions, InteractionQueries queries, ReasonRepository reasons,
                       CustomerService customers, SignedInUsers signedIn, UnitScopes scopes, Settings settings,
                       AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
        this.interactions = interactions;
        this.queries = queries;
        this.reasons = reasons;
        this.customers = customers;
        this.signedIn = signedIn;
        this.scopes = scopes;
        this.settings = settings;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public InteractionRow log(InteractionForm form) {
        AuthenticatedUser user = signedIn.require();
        List<FieldError> errors = new ArrayList<>();
        if (form.getCustomerId() == null || customers.findForAction(form.getCustomerId()).isEmpty()) {
            errors.add(new FieldError("customerId", "interaction.customer.required"));
        }
        if (form.getReasonId() == null || reasons.findById(form.getReasonId()).filter(r -> !r.isRetired()).isEmpty()) {
            errors.add(new FieldError("reasonId", "interaction.reason.required"));
        }
        if (!StringUtils.hasText(form.getSummary())) {
            errors.add(new FieldError("summary", "validation.required"));
        } else if (form.getSummary().length() > 2000) {
            errors.add(new FieldError("summary", "interaction.summary.too-long"));
        }
        if (form.getMinutes() == null || form.getMinutes() < 0 || form.getMinutes() > 1440) {
            errors.add(new FieldError("minutes", "interaction.minutes.invalid"));
        }
        if (form.getFollowUpOn() != null && form.getFollowUpOn().isBefore(LocalDate.now(clock))) {
            errors.add(new FieldError("followUpOn", "interaction.follow-up.past"));
        }
        if (form.getChannel() == null || form.getDirection() == null) {
            errors.add(new FieldError("channel", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        InteractionEntity interaction = new InteractionEntity();
        interaction.setCustomerId(form.getCustomerId());
        interaction.setOccurredAt(clock.instant());
        interaction.setChannel(form.getChannel());
        interaction.setDirection(form.getDirection());
        interaction.setReasonId(form.getReasonId());
        interaction.setSummary(form.getSummary());
        interaction.setResolvedFirstContact(form.isResolvedFirstContact());
        interaction.setMinutes(form.getMinutes());
        interaction.setHandledBy(user.username());
        interaction.setHandledByName(user.displayName());
        interaction.setUnitId(user.unitId());
        interaction.setFollowUpOn(form.getFollowUpOn());
        interaction.setCreatedAt(clock.instant());
        InteractionEntity saved = interactions.saveAndFlush(interaction);
        events.publishEvent(new InteractionEvents.InteractionLogged(saved.getId(), saved.getCustomerId(), saved.getChannel(),
                saved.getDirection(), saved.getOccurredAt(), saved.isResolvedFirstContact()));
        return get(saved.getId());
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public InteractionRow get(long id) {
        return queries.byId(id).filter(r -> customers.find(r.customerId()).isPresent())
                .orElseThrow(() -> new NotFoundException("interaction", id));
    }

    /** Whether the interaction exists, is visible to the user and is the customer's. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public boolean belongsTo(long interactionId, long customerId) {
        return queries.byId(interactionId).filter(r -> r.customerId() == customerId)
                .filter(r -> customers.find(customerId).isPresent()).isPresent();
    }

    /** A new quick-log form, with the channel and reason of the user's latest interaction. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional(readOnly = true)
    public InteractionForm newForm(Long customerId) {
        InteractionForm form = new InteractionForm();
        // a customer the user may not act on is left out, as if unknown
        form.setCustomerId(customerId == null || customers.findForAction(customerId).isEmpty() ? null : customerId);
        queries.lastChannelAndReason(signedIn.require().username()).ifPresent(last -> {
            form.setChannel(InteractionChannel.valueOf((String) last[0]));
            long reasonId = (Long) last[1];
            if (reasons.findById(reasonId).filter(r -> !r.isRetired()).isPresent()) {
                form.setReasonId(reasonId);
            }
        });
        return form;
    }

    /** The interaction list: MANAGER sees their unit's (the unit of who handled it), EXECUTIVE and ADMIN all. */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<InteractionRow> list(InteractionFilter filter, long offset, int limit) {
        return queries.list(filter, scopes.unitsForList(filter.unitId(), false), offset, limit);
    }

    /** Every interaction of the filtered list, in its order, one at a time (an export of the whole list). */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public void forEach(InteractionFilter filter, Consumer<InteractionRow> sink) {
        queries.forEach(filter, scopes.unitsForList(filter.unitId(), false), sink);
    }

    /** Follow-ups due today or overdue: my own, or (for a MANAGER) the whole unit's. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional(readOnly = true)
    public List<InteractionRow> followUpsDue(boolean wholeUnit, long offset, int limit) {
        AuthenticatedUser user = signedIn.require();
        LocalDate today = LocalDate.now(clock);
        if (wholeUnit && user.role() == Role.MANAGER) {
            return queries.followUpsDue(null, scopes.unitsForList(null, false), today, offset, limit);
        }
        return queries.followUpsDue(user.username(), null, today, offset, limit);
    }

    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public void markFollowUpDone(long interactionId) {
        AuthenticatedUser user = signedIn.require();
        InteractionEntity interaction = interactions.findById(interactionId)
                .filter(i -> i.getHandledBy().equals(user.username()) || (user.role() == Role.MANAGER && scopes.canAct(i.getUnitId())))
                .orElseThrow(() -> new NotFoundException("interaction", interactionId));
        interaction.setFollowUpDoneAt(clock.instant());
        interactions.saveAndFlush(interaction);
        auditLog.record("FOLLOW_UP_DONE", "interaction", String.valueOf(interactionId), null);
    }

    /** Cost to serve a customer to date: every interaction minute × the cost per minute (a setting, default 0.50). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public BigDecimal costToServe(long customerId) {
        customers.get(customerId);
        return costPerMinute().multiply(BigDecimal.valueOf(queries.minutesFor(customerId)));
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public BigDecimal costPerMinute() {
        return new BigDecimal(settings.get(COST_PER_MINUTE, "0.50"));
    }

}
