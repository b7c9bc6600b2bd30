package io.escalera.exchange;

import io.escalera.exchange.internal.WebhookStore;
import io.escalera.exchange.internal.WebhookTargets;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.AuditLog;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhooks, configured by an ADMIN: a receiver's URL, a shared secret and the events it wants. Every event is then
 * POSTed to it, signed (see {@link WebhookSignature}), retried with growing pauses, and logged.
 */
@Service
@RolesAllowed("ADMIN")
public class Webhooks {

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final SignedInUsers signedIn;
    private final AuditLog auditLog;
    private final Clock clock;

    Webhooks(WebhookStore store, WebhookTargets targets, SignedInUsers signedIn, AuditLog auditLog, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.signedIn = signedIn;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints() {
        return store.endpoints();
    }

    @Transactional
    public WebhookEndpoint create(WebhookForm form) {
        validate(form, true);
        long id = store.insertEndpoint(form.getUrl().trim(), form.getSecret().trim(), form.getEvents(), form.isActive(),
                signedIn.actorName(), clock.instant());
        auditLog.record("WEBHOOK_CREATED", "webhook", String.valueOf(id), form.getUrl().trim() + " " + form.getEvents());
        return store.endpoint(id).orElseThrow();
    }

    /** Changes an endpoint; a blank secret keeps the current one. */
    @Transactional
    public WebhookEndpoint update(long id, WebhookForm form) {
        WebhookEndpoint before = store.endpoint(id).orElseThrow(() -> new NotFoundException("webhook", id));
        validate(form, false);
        String secret = form.getSecret() == null || form.getSecret().isBlank() ? null : form.getSecret().trim();
        if (!store.updateEndpoint(id, form.getVersion(), form.getUrl().trim(), secret, form.getEvents(), form.isActive())) {
            throw new ConcurrentEditException("webhook", id, before.createdBy());
        }
        auditLog.record("WEBHOOK_UPDATED", "webhook", String.valueOf(id), before.url() + " → " + form.getUrl().trim() + " "
                + form.getEvents() + (form.isActive() ? "" : " (off)") + (secret == null ? "" : ", new secret"));
        return store.endpoint(id).orElseThrow();
    }

    /** Removes an endpoint and its delivery log. */
    @Transactional
    public void delete(long id) {
        WebhookEndpoint endpoint = store.endpoint(id).orElseThrow(() -> new NotFoundException("webhook", id));
        store.deleteEndpoint(id);
        auditLog.record("WEBHOOK_DELETED", "webhook", String.valueOf(id), endpoint.url());
    }

    /** The delivery log, newest first: of one endpoint, or of all when {@code endpointId} is null. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(Long endpointId, long offset, int limit) {
        return store.deliveries(endpointId, offset, limit);
    }

    /** Sends a delivery that was given up again, from now. */
    @Transactional
    public WebhookDelivery retry(long deliveryId) {
        WebhookDelivery delivery = store.delivery(deliveryId).orElseThrow(() -> new NotFoundException("webhook delivery", deliveryId));
        if (store.retry(deliveryId, clock.instant())) {
            auditLog.record("WEBHOOK_RETRIED", "webhook", String.valueOf(delivery.endpointId()), "delivery " + deliveryId);
        }
        return store.delivery(deliveryId).orElseThrow();
    }

    /**
     * Checks a form; the URL must also point outside the application's own network (see {@link WebhookTargets}). A
     * host that does not resolve now is accepted: every delivery checks the address again before it connects.
     */
    private void validate(WebhookForm form, boolean secretRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (!validUrl(form.getUrl())) {
            errors.add(new FieldError("url", "webhook.url.invalid"));
        } else {
            try {
                targets.check(form.getUrl());
            } catch (WebhookTargets.Refused refused) {
                if (!refused.unresolved()) {
                    errors.add(new FieldError("url", "webhook.url.internal"));
                }
            }
        }
        String secret = form.getSecret() == null ? "" : form.getSecret().trim();
        if (secret.isEmpty() ? secretRequired : secret.length() < 16 || secret.length() > 100) {
            errors.add(new FieldError("secret", "webhook.secret.invalid"));
        }
        if (form.getEvents() == null || form.getEvents().isEmpty()) {
            errors.add(new FieldError("events", "webhook.events.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    private static boolean validUrl(String url) {
        if (url == null || url.isBlank() || url.trim().length() > 500) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            // no user:password@ part: it would be sent nowhere (a receiver checks the signature)
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
