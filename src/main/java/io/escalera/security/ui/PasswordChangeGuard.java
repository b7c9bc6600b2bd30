package io.escalera.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.escalera.security.OwnPassword;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A user who must choose a new password (the first admin) is sent to {@link ChangePasswordView} from every route. */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final OwnPassword ownPassword;

    PasswordChangeGuard(OwnPassword ownPassword) {
        this.ownPassword = ownPassword;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        if (isSignedIn() && ownPassword.mustChange()) {
            event.forwardTo(ChangePasswordView.class);
        }
    }

    private static boolean isSignedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
