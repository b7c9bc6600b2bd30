package io.escalera.security.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.escalera.shared.SupportedLanguages;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Before login the interface follows the browser; after login it speaks the language the user chose last time.
 */
@Component
class UserLanguageInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> uiEvent.getUI().addBeforeEnterListener(enter -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof EscaleraUserDetails user
                    && user.language() != null
                    && !user.language().getLanguage().equals(enter.getUI().getLocale().getLanguage())) {
                enter.getUI().getSession().setLocale(SupportedLanguages.closest(user.language()));
                enter.getUI().setLocale(SupportedLanguages.closest(user.language()));
            }
        }));
    }
}
