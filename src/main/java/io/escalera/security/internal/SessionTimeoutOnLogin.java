package io.escalera.security.internal;

import io.escalera.shared.GeneralSettingsService;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Applies the idle timeout setting to the session of each user who logs in. */
@Component
class SessionTimeoutOnLogin {

    private final GeneralSettingsService settings;

    SessionTimeoutOnLogin(GeneralSettingsService settings) {
        this.settings = settings;
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.setMaxInactiveInterval(settings.current().getSessionTimeoutMinutes() * 60);
            }
        }
    }
}
