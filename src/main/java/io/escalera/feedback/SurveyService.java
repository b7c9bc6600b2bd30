package io.escalera.feedback;

import io.escalera.feedback.internal.AnswerLinks;
import io.escalera.shared.jdbc.Rows;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerService;
import io.escalera.feedback.internal.SurveyTokens;
import io.escalera.security.AuthenticatedUser;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.Settings;
import io.escalera.shared.SupportedLanguages;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Survey links: a single-use token of 256 random bits (SecureRandom, URL-safe Base64), of which only a SHA-256 hash is
 * stored; the public page asks the chosen questions in the customer's language and accepts one answer. Expired and
 * unknown tokens look the same. Requests are limited per address.
 */
@Service
public class SurveyService {

    public static final String EXPIRY_DAYS = "feedback.survey.expiry-days";
    public static final String REQUESTS_PER_MINUTE = "feedback.survey.requests-per-minute";

    private final JdbcClient jdbc;
    private final FeedbackService feedback;
    private final CustomerService customers;
    private final SignedInUsers signedIn;
    private final Settings settings;
    private final GeneralSettingsService general;
    private final Clock clock;
    private final AnswerLinks links;

    SurveyService(JdbcClient jdbc, FeedbackService feedback, CustomerService customers, SignedInUsers signedIn,
                  Settings settings, GeneralSettingsService general, Clock clock, AnswerLinks links) {
        this.links = links;
        this.jdbc = jdbc;
        this.feedback = feedback;
        this.customers = customers;
        this.signedIn = signedIn;
        this.settings = settings;
        this.general = general;
        this.clock = clock;
    }

    /** Creates a link for a customer who agreed to be surveyed; the token is returned once. */
    @RolesAllowed({"STAFF", "MANAGER"})
    @Transactional
    public SurveyLink createLink(long customerId, Set<FeedbackKind> kinds, Touchpoint touchpoint, Locale language,
                                 Long orderId, Long complaintId) {
        AuthenticatedUser user = signedIn.require();
        CustomerDetails customer = customers.forAction(customerId);
        if (!customer.surveyConsent()) {
            throw FieldErrorsException.of("customerId", "survey.no-consent");
        }
        List<FieldErrorsException.FieldError> wrongLinks = links.check(orderId, null, complaintId, customerId);
        if (!wrongLinks.isEmpty()) {
            throw new FieldErrorsException(wrongLinks);
        }
        if (kinds == null || kinds.isEmpty()) {
            throw FieldErrorsException.of("kinds", "survey.kinds.required");
        }
        if (touchpoint == null) {
            throw FieldErrorsException.of("touchpoint", "validation.required");
        }
        String token = SurveyTokens.newToken();
        Instant now = now();
        Instant expires = now.plus(Duration.ofDays(settings.getInt(EXPIRY_DAYS, 30)));
        Locale lang = language == null ? general.defaultLanguage() : SupportedLanguages.languageOf(language);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO survey_invitation (token_hash, customer_id, unit_id, kinds, touchpoint, language, order_id,
                                                       complaint_id, created_at, created_by_name, expires_at, origin, sent_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'STAFF', ?)""")
                .params(hash(token), customerId, customer.homeUnitId(), kinds.stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                        touchpoint.name(), lang.toLanguageTag(), orderId, complaintId, Timestamp.from(now), user.displayName(),
                        Timestamp.from(expires), Timestamp.from(now))
                .update(key, "id");
        return new SurveyLink(key.getKey().longValue(), token, expires);
    }

    /** What the public page shows for a token (no login). Every call counts against the address's limit. */
    @PermitAll
    @Transactional
    public Survey open(String token, String remoteAddress) {
        if (tooManyRequests(remoteAddress)) {
            return Survey.of(Survey.State.TOO_MANY_REQUESTS, general.defaultLanguage());
        }
        return invitation(token).map(i -> i.answeredAt() != null ? Survey.of(Survey.State.ALREADY_ANSWERED, i.language())
                        : !i.expiresAt().isAfter(now()) ? Survey.of(Survey.State.NOT_AVAILABLE, general.defaultLanguage())
                        : new Survey(Survey.State.QUESTIONS, i.kinds(), i.language()))
                .orElseGet(() -> Survey.of(Survey.State.NOT_AVAILABLE, general.defaultLanguage()));
    }

    /**
     * Stores the answers of a survey once. The token is claimed with one conditional UPDATE, so that of two answers
     * racing for it exactly one wins; the other is told "already answered".
     */
    @PermitAll
    @Transactional
    public Survey.State answer(String token, Map<FeedbackKind, Integer> scores, String comment, String remoteAddress) {
        if (tooManyRequests(remoteAddress)) {
            return Survey.State.TOO_MANY_REQUESTS;
        }
        Optional<Invitation> found = invitation(token);
        if (found.isEmpty() || !found.get().expiresAt().isAfter(now())) {
            return Survey.State.NOT_AVAILABLE;
        }
        Invitation invitation = found.get();
        for (FeedbackKind kind : invitation.kinds()) {
            var errors = FeedbackService.validate(form(invitation, kind, scores.get(kind), comment));
            if (!errors.isEmpty()) {
                throw new FieldErrorsException(errors);
            }
        }
        Instant now = now();
        int claimed = jdbc.sql("UPDATE survey_invitation SET answered_at = ? WHERE id = ? AND answered_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now), invitation.id(), Timestamp.from(now)).update();
        if (claimed == 0) {
            return Survey.State.ALREADY_ANSWERED;
        }
        boolean first = true;
        for (FeedbackKind kind : invitation.kinds()) {
            // the one comment box belongs to the first question asked
            feedback.save(form(invitation, kind, scores.get(kind), first ? comment : null), invitation.customerId(),
                    invitation.unitId(), FeedbackSource.SURVEY_LINK, invitation.id(), null);
            first = false;
        }
        return Survey.State.ANSWERED;
    }

    private static FeedbackForm form(Invitation invitation, FeedbackKind kind, Integer score, String comment) {
        FeedbackForm form = new FeedbackForm();
        form.setCustomerId(invitation.customerId());
        form.setKind(kind);
        form.setScore(score);
        form.setComment(comment);
        form.setTouchpoint(invitation.touchpoint());
        form.setOrderId(invitation.orderId());
        form.setComplaintId(invitation.complaintId());
        return form;
    }

    private record Invitation(long id, long customerId, long unitId, List<FeedbackKind> kinds, Touchpoint touchpoint,
                              Locale language, Long orderId, Long complaintId, Instant expiresAt, Instant answeredAt) {
    }

    private Optional<Invitation> invitation(String token) {
        if (token == null || token.length() < 40 || token.length() > 60) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, customer_id, unit_id, kinds, touchpoint, language, order_id, complaint_id, expires_at, answered_at
                FROM survey_invitation WHERE token_hash = ?""").param(hash(token)).query((rs, n) -> new Invitation(
                rs.getLong(1), rs.getLong(2), rs.getLong(3),
                Arrays.stream(rs.getString(4).split(",")).map(FeedbackKind::valueOf).sorted().toList(),
                Touchpoint.valueOf(rs.getString(5)), Locale.forLanguageTag(rs.getString(6)),
                Rows.longOrNull(rs, 7), Rows.longOrNull(rs, 8), rs.getTimestamp(9).toInstant(), Rows.instant(rs, 10))).optional();
    }

    /**
     * Records this request; true when the address made more than the limit within the last minute. Requests older than
     * an hour are forgotten by a job of their own (SurveyRequestPurge), not here.
     */
    private boolean tooManyRequests(String remoteAddress) {
        String address = remoteAddress == null ? "?" : remoteAddress.length() > 64 ? remoteAddress.substring(0, 64) : remoteAddress;
        Instant now = now();
        jdbc.sql("INSERT INTO survey_request (remote_address, requested_at) VALUES (?, ?)").params(address, Timestamp.from(now)).update();
        long recent = jdbc.sql("SELECT COUNT(*) FROM survey_request WHERE remote_address = ? AND requested_at > ?")
                .params(address, Timestamp.from(now.minus(Duration.ofMinutes(1)))).query(Long.class).single();
        return recent > settings.getInt(REQUESTS_PER_MINUTE, 30);
    }

    /** SHA-256 of the token, hex: a stolen database does not reveal working links. */
    static String hash(String token) {
        return SurveyTokens.hash(token);
    }

    private Instant now() {
        return clock.instant();
    }
}
