package io.escalera.support;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.internal.CurrentInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;

import java.util.ArrayList;
import java.util.List;

/**
 * The secured browserless Vaadin environment over the test's Spring context, opened per test. On close it also clears
 * Vaadin's thread-locals, which the environment leaves behind: a leftover mock session would make Vaadin's
 * security-context strategy read the (empty) session instead of later tests' sign-ins.
 */
public final class BrowserlessApp implements AutoCloseable {

    private final SecuredBrowserlessApplicationContext<Authentication> app;
    private final List<AutoCloseable> opened = new ArrayList<>();

    public BrowserlessApp(ApplicationContext spring) {
        app = SpringBrowserlessApplicationContext.createSecured(spring, "io.escalera");
    }

    /** A new browser window of a new user session, signed in with {@code authentication}. */
    public BrowserlessUIContext windowOf(Authentication authentication) {
        var user = app.newUser(authentication);
        var window = user.newWindow();
        opened.add(user);
        opened.add(window);
        return window;
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception ignored) {
                // already closed by the test
            }
        }
        app.close();
        CurrentInstance.clearAll();
    }
}
