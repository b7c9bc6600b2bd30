package io.escalera.exchange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.EnumSet;
import java.util.Set;

/** What an ADMIN fills in for a webhook: the receiver's URL, the shared secret, the events. */
public class WebhookForm {

    @NotBlank
    @Size(max = 500)
    private String url;
    /** Required for a new endpoint, 16–100 characters; blank when editing keeps the current one (checked by the service). */
    private String secret;
    @NotEmpty
    private Set<WebhookEvent> events = EnumSet.allOf(WebhookEvent.class);
    private boolean active = true;
    private long version;

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public Set<WebhookEvent> getEvents() { return events; }
    public void setEvents(Set<WebhookEvent> events) { this.events = events; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
