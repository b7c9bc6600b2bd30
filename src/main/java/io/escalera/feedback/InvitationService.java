package io.escalera.feedback;

import io.escalera.shared.jdbc.Rows;
import io.escalera.shared.jdbc.UnitCondition;
import io.escalera.feedback.internal.InvitationMailer;
import io.escalera.feedback.internal.SurveyTokens;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.NotFoundException;
import io.escalera.shared.Settings;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Automatic survey invitations: the rules (after delivery, after a resolved case, relationship NPS every N months),
 * the customer's consent and the contact cap, sending by e-mail when Spring Mail is configured, one reminder, and the
 * outbox from which staff hand links over when there is no e-mail.
 * <p>
 * A link is minted when it is sent or handed over; minting again (a reminder, a resend) replaces the previous link.
 * <p>
 * <b>Mail after commit (an outbox per row).</b> Mailing one invitation takes three steps: (1) in a short transaction
 * of its own the link is committed — {@code token_hash} gets the SHA-256 of a new 256-bit token and {@code mail_token}
 * the token itself; (2) the mail is sent, outside any transaction; (3) in another short transaction the row is marked
 * sent (or reminded) and {@code mail_token} is cleared, conditional on still holding that token. A crash or a failed
 * mark between (2) and (3) leaves {@code mail_token} set, and the next run mails that SAME token again: mail is
 * at-least-once, with one stable, working link, never a second different one and never a dead one. A failed send
 * keeps the token too (an SMTP error can come after the server took the message), so the retry repeats the link.
 * <p>
 * Why the raw token and not an HMAC of a server secret or an encrypted token: the project has no key kept outside the
 * database (webhook secrets, for one, live in it), so a key stored beside the rows would protect nothing that the
 * raw token does not. The exposure is bounded instead: {@code mail_token} is non-null only for mails in flight or
 * waiting for a retry (cleared the moment a mail is marked sent), every other link exists only as its hash, and every
 * token keeps its 256 SecureRandom bits against anyone without the database. Invariant kept by every writer of
 * {@code token_hash} here: when {@code mail_token} is non-null, {@code token_hash} is its hash.
 */
@Service
public class InvitationService {

    static final String AFTER_DELIVERY = "feedback.invite.after-delivery";
    static final String AFTER_RESOLUTION = "feedback.invite.after-resolution";
    static final String RELATIONSHIP_MONTHS = "feedback.invite.relationship-months";
    static final String CONTACT_CAP_DAYS = "feedback.invite.contact-cap-days";
    static final String REMINDER_DAYS = "feedback.invite.reminder-days";

    private final JdbcClient jdbc;
    private final Settings settings;
    private final GeneralSettingsService general;
    private final InvitationMailer mailer;
    private final SignedInUsers signedIn;
    private final UnitScopes scopes;
    private final Clock clock;
    private final TransactionTemplate tx;

    InvitationService(JdbcClient jdbc, Settings settings, GeneralSettingsService general, InvitationMailer mailer,
                      SignedInUsers signedIn, UnitScopes scopes, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.general = general;
        this.mailer = mailer;
        this.signedIn = signedIn;
        this.scopes = scopes;
        this.clock = clock;
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public InvitationRules rules() {
        return new InvitationRules(Boolean.parseBoolean(settings.get(AFTER_DELIVERY, "true")),
                Boolean.parseBoolean(settings.get(AFTER_RESOLUTION, "true")), settings.getInt(RELATIONSHIP_MONTHS, 6),
                settings.getInt(CONTACT_CAP_DAYS, 30), settings.getInt(REMINDER_DAYS, 3),
                settings.getInt(SurveyService.EXPIRY_DAYS, 30), settings.getInt(FeedbackService.FOLLOW_UP_SLA_HOURS, 48));
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public void saveRules(InvitationRules rules) {
        List<FieldError> errors = new ArrayList<>();
        if (rules.relationshipMonths() < 0 || rules.relationshipMonths() > 60) errors.add(new FieldError("relationshipMonths", "invitation-rules.range"));
        if (rules.contactCapDays() < 0 || rules.contactCapDays() > 365) errors.add(new FieldError("contactCapDays", "invitation-rules.range"));
        if (rules.reminderDays() < 0 || rules.reminderDays() >= rules.expiryDays()) errors.add(new FieldError("reminderDays", "invitation-rules.reminder"));
        if (rules.expiryDays() < 1 || rules.expiryDays() > 365) errors.add(new FieldError("expiryDays", "invitation-rules.range"));
        if (rules.followUpSlaHours() < 1 || rules.followUpSlaHours() > 24 * 30) errors.add(new FieldError("followUpSlaHours", "invitation-rules.range"));
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        settings.put(AFTER_DELIVERY, String.valueOf(rules.afterDelivery()));
        settings.put(AFTER_RESOLUTION, String.valueOf(rules.afterResolution()));
        settings.put(RELATIONSHIP_MONTHS, String.valueOf(rules.relationshipMonths()));
        settings.put(CONTACT_CAP_DAYS, String.valueOf(rules.contactCapDays()));
        settings.put(REMINDER_DAYS, String.valueOf(rules.reminderDays()));
        settings.put(SurveyService.EXPIRY_DAYS, String.valueOf(rules.expiryDays()));
        settings.put(FeedbackService.FOLLOW_UP_SLA_HOURS, String.valueOf(rules.followUpSlaHours()));
    }

    /**
     * Invites a customer if the rule for {@code origin} is on, the customer agreed to surveys and has had no invitation
     * within the contact cap. Run by the event listeners as the system user.
     *
     * @return the new invitation's id, or empty when a rule said no
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public Optional<Long> invite(long customerId, InvitationOrigin origin, Set<FeedbackKind> kinds, Touchpoint touchpoint,
                                 Long orderId, Long complaintId) {
        InvitationRules rules = rules();
        boolean ruleOn = switch (origin) {
            case AFTER_DELIVERY -> rules.afterDelivery();
            case AFTER_RESOLUTION -> rules.afterResolution();
            case RELATIONSHIP -> rules.relationshipMonths() > 0;
            case STAFF -> true;
        };
        Instant now = now();
        int inserted = !ruleOn ? 0 : jdbc.sql("""
                        INSERT INTO survey_invitation (token_hash, customer_id, unit_id, kinds, touchpoint, language, order_id, complaint_id,
                                                       created_at, created_by_name, expires_at, origin)
                        SELECT ?, c.id, c.home_unit_id, ?, ?, ?, ?, ?, ?, 'system', ?, ? FROM customer c
                        WHERE c.id = ? AND c.survey_consent = TRUE
                          AND NOT EXISTS (SELECT 1 FROM survey_invitation s WHERE s.customer_id = c.id AND s.created_at > ?)""")
                .params(SurveyTokens.hash(SurveyTokens.newToken()), kinds.stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                        touchpoint.name(), general.defaultLanguage().toLanguageTag(), orderId, complaintId, Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofDays(rules.expiryDays()))), origin.name(), customerId,
                        Timestamp.from(now.minus(Duration.ofDays(rules.contactCapDays()))))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT id FROM survey_invitation WHERE customer_id = ? ORDER BY id DESC LIMIT 1").param(customerId)
                .query(Long.class).single());
    }

    /**
     * The relationship round, set-based: every consenting customer who bought at least once, had no relationship
     * invitation within the last N months and no invitation at all within the contact cap gets one (not sent yet: the
     * sender mints and mails the link). Runs in slices of 100,000 customer ids, each its own statement and commit, so
     * that a million customers never make one huge transaction. Until a link is minted, the token column holds a
     * placeholder that can never equal a hash (it is not hex) and grows with the customer id, so that the unique index
     * takes the rows in order.
     *
     * @return how many customers were invited
     */
    @RolesAllowed("ADMIN")
    public int inviteRelationship() {
        InvitationRules rules = rules();
        if (rules.relationshipMonths() == 0) {
            return 0;
        }
        Instant now = now();
        String run = Long.toString(now.toEpochMilli(), 36);
        long maxId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM customer").query(Long.class).single();
        int invited = 0;
        for (long from = 0; from <= maxId; from += 100_000) {
            invited += jdbc.sql("""
                            INSERT INTO survey_invitation (token_hash, customer_id, unit_id, kinds, touchpoint, language, created_at,
                                                           created_by_name, expires_at, origin)
                            SELECT CONCAT('pending-', LPAD(c.id, 19, '0'), '-', ?), c.id, c.home_unit_id, 'NPS', 'RELATIONSHIP', ?, ?,
                                   'system', ?, 'RELATIONSHIP'
                            FROM customer c
                            WHERE c.id >= ? AND c.id < ? AND c.survey_consent = TRUE
                              AND EXISTS (SELECT 1 FROM customer_order o WHERE o.customer_id = c.id)
                              AND NOT EXISTS (SELECT 1 FROM survey_invitation s WHERE s.customer_id = c.id
                                              AND (s.created_at > ? OR (s.origin = 'RELATIONSHIP' AND s.created_at > ?)))""")
                    .params(run, general.defaultLanguage().toLanguageTag(), Timestamp.from(now),
                            Timestamp.from(now.plus(Duration.ofDays(rules.expiryDays()))), from, from + 100_000,
                            Timestamp.from(now.minus(Duration.ofDays(rules.contactCapDays()))),
                            Timestamp.from(now.atZone(clock.getZone()).minusMonths(rules.relationshipMonths()).toInstant()))
                    .update();
        }
        return invited;
    }

    /**
     * Mails invitations not sent yet (automatic ones, to customers with an e-mail), at most {@code max}. Not one
     * transaction: each mail is committed, sent and marked in steps (see the class comment); a failure to mark stops
     * the batch with the exception, and the next run sends the same link again.
     */
    @RolesAllowed("ADMIN")
    public int sendPending(int max) {
        if (!mailer.enabled()) {
            return 0;
        }
        return send(pending("s.sent_at IS NULL AND s.origin <> 'STAFF' AND s.send_attempts < 5", max), false, false);
    }

    /** One reminder, {@code reminderDays} after sending, for mailed invitations still unanswered; steps as sendPending. */
    @RolesAllowed("ADMIN")
    public int sendReminders(int max) {
        int days = rules().reminderDays();
        if (!mailer.enabled() || days == 0) {
            return 0;
        }
        Timestamp before = Timestamp.from(now().minus(Duration.ofDays(days)));
        return send(pending("s.sent_at IS NOT NULL AND s.sent_at <= ? AND s.reminded_at IS NULL AND s.origin <> 'STAFF'", max, before), true, false);
    }

    /** {@code mailToken}: the link committed for a mail that may have left already (see the class comment), or null. */
    private record Pending(long id, String email, String name, List<FeedbackKind> kinds, Locale language, String mailToken) {
    }

    private List<Pending> pending(String condition, int max, Object... conditionParams) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(now()));
        params.addAll(Arrays.asList(conditionParams));
        params.add(max);
        return jdbc.sql("""
                        SELECT s.id, c.email, c.name, s.kinds, s.language, s.mail_token FROM survey_invitation s JOIN customer c ON c.id = s.customer_id
                        WHERE s.answered_at IS NULL AND s.expires_at > ? AND c.email IS NOT NULL AND\s""" + condition + " ORDER BY s.id LIMIT ?")
                .params(params)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Arrays.stream(rs.getString(4).split(",")).map(FeedbackKind::valueOf).sorted().toList(),
                        Locale.forLanguageTag(rs.getString(5)), rs.getString(6))).list();
    }

    /**
     * Commit the link, mail it, mark it (the class comment says why). {@code fresh}: mint a new link even when one is
     * in flight (a resend asked for by staff); otherwise an in-flight link is mailed again as it is.
     */
    private int send(List<Pending> invitations, boolean reminder, boolean fresh) {
        int sent = 0;
        for (Pending invitation : invitations) {
            // (1) commit the link first; empty when the row changed since it was read (answered, handed over, ...)
            Optional<String> committed = invitation.mailToken() != null && !fresh ? Optional.of(invitation.mailToken())
                    : tx.execute(status -> commitNewLink(invitation));
            if (committed.isEmpty()) {
                continue;
            }
            String token = committed.get();
            // (2) mail it, outside any transaction
            Optional<String> error = mailer.send(invitation.email(), invitation.name(), invitation.kinds(), invitation.language(), token, reminder);
            // (3) mark it in a short transaction of its own; until then a crash re-sends this same token
            if (error.isEmpty()) {
                tx.executeWithoutResult(status -> jdbc.sql("UPDATE survey_invitation SET " + (reminder ? "reminded_at" : "sent_at")
                                + " = COALESCE(" + (reminder ? "reminded_at" : "sent_at") + ", ?), mail_token = NULL, last_error = NULL"
                                + " WHERE id = ? AND mail_token = ?")
                        .params(Timestamp.from(now()), invitation.id(), token).update());
                sent++;
            } else {
                tx.executeWithoutResult(status -> jdbc.sql("UPDATE survey_invitation SET send_attempts = send_attempts + 1, last_error = ? WHERE id = ?")
                        .params(error.get(), invitation.id()).update());
            }
        }
        return sent;
    }

    /** A new token whose hash replaces the link, kept in mail_token until the mail is marked sent; only if the row is as read. */
    private Optional<String> commitNewLink(Pending invitation) {
        String token = SurveyTokens.newToken();
        int updated = jdbc.sql("UPDATE survey_invitation SET token_hash = ?, mail_token = ? WHERE id = ? AND answered_at IS NULL AND mail_token <=> ?")
                .params(SurveyTokens.hash(token), token, invitation.id(), invitation.mailToken()).update();
        return updated == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Unanswered, unexpired invitations of the user's units, newest first: what the outbox shows. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional(readOnly = true)
    public List<OutboxEntry> outbox(long offset, int limit) {
        Set<Long> units = scopes.unitsForList(null, false);
        String inUnits = UnitCondition.and("s.unit_id", units);
        return jdbc.sql("""
                        SELECT s.id, s.customer_id, c.name, c.email, s.kinds, s.origin, s.created_at, s.sent_at, s.reminded_at,
                               s.expires_at, s.last_error
                        FROM survey_invitation s JOIN customer c ON c.id = s.customer_id
                        WHERE s.answered_at IS NULL AND s.expires_at > ?""" + inUnits + " ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?")
                .params(Timestamp.from(now()), limit, offset)
                .query((rs, n) -> new OutboxEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Arrays.stream(rs.getString(5).split(",")).map(FeedbackKind::valueOf).sorted().toList(),
                        InvitationOrigin.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), Rows.instant(rs, 8),
                        Rows.instant(rs, 9), rs.getTimestamp(10).toInstant(), rs.getString(11))).list();
    }

    /**
     * A fresh link for an outbox entry, to copy and hand over (it replaces any link sent before); the invitation
     * counts as sent from now on. If a mail is in flight with a link (it may have reached the customer), that link is
     * handed over instead of a new one, so that the mail's link does not die.
     */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public SurveyLink handOver(long invitationId) {
        Instant expires = visibleInvitation(invitationId);
        Optional<String> inFlight = jdbc.sql("SELECT mail_token FROM survey_invitation WHERE id = ? FOR UPDATE").param(invitationId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single();
        if (inFlight.isPresent()) {
            jdbc.sql("UPDATE survey_invitation SET sent_at = COALESCE(sent_at, ?) WHERE id = ?").params(Timestamp.from(now()), invitationId).update();
            return new SurveyLink(invitationId, inFlight.get(), expires);
        }
        String token = SurveyTokens.newToken();
        jdbc.sql("UPDATE survey_invitation SET token_hash = ?, sent_at = COALESCE(sent_at, ?) WHERE id = ?")
                .params(SurveyTokens.hash(token), Timestamp.from(now()), invitationId).update();
        return new SurveyLink(invitationId, token, expires);
    }

    /**
     * Mails the invitation again now, with a fresh link; false when mail is not configured or it failed. Not one
     * transaction: the link is committed before the mail leaves (see the class comment).
     */
    @RolesAllowed({"STAFF", "MANAGER"})
    public boolean resend(long invitationId) {
        visibleInvitation(invitationId);
        List<Pending> one = pending("s.id = ?", 1, invitationId);
        return !one.isEmpty() && send(one, false, true) == 1;
    }

    /** The invitation's expiry, if it is unanswered and of the user's home units (they act on it). */
    private Instant visibleInvitation(long invitationId) {
        signedIn.require();
        return jdbc.sql("SELECT unit_id, expires_at FROM survey_invitation WHERE id = ? AND answered_at IS NULL")
                .param(invitationId).query((rs, n) -> scopes.canAct(rs.getLong(1)) ? rs.getTimestamp(2).toInstant() : null)
                .optional().orElseThrow(() -> new NotFoundException("invitation", invitationId));
    }


    private Instant now() {
        return clock.instant();
    }
}
