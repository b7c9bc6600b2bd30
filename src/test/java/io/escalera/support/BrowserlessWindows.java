package io.escalera.support;

import com.vaadin.browserless.BrowserlessUIContext;
import io.escalera.security.UserAccount;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.util.Locale;

/**
 * Browserless windows for a test's users, in English, closed after each test with their {@link BrowserlessApp} and
 * the sign-in of the test's thread: the open/close that every browserless test class needs. Register it with
 * {@code @RegisterExtension final BrowserlessWindows windows = new BrowserlessWindows();}.
 */
public final class BrowserlessWindows implements BeforeEachCallback, AfterEachCallback {

    private ApplicationContext spring;
    private BrowserlessApp app;

    @Override
    public void beforeEach(ExtensionContext context) {
        spring = SpringExtension.getApplicationContext(context);
    }

    /** A new window of a new session signed in as the user, in English. */
    public BrowserlessUIContext signedIn(UserAccount user) {
        if (app == null) {
            app = new BrowserlessApp(spring);
        }
        BrowserlessUIContext window = app.windowOf(spring.getBean(TestUsers.class).authenticationOf(user));
        window.getUI().setLocale(Locale.ENGLISH);
        return window;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (app != null) {
            app.close();
            app = null;
        }
        SecurityContextHolder.clearContext();
    }
}
