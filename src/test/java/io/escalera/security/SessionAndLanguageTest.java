package io.escalera.security;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.escalera.shared.GeneralSettings;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.HomeView;
import io.escalera.support.BrowserlessApp;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@EscaleraTest
class SessionAndLanguageTest {

    @Autowired ApplicationContext spring;
    @Autowired ApplicationEventPublisher events;
    @Autowired GeneralSettingsService settings;
    @Autowired SignedInUsers signedIn;
    @Autowired TestUsers testUsers;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void theIdleTimeoutSettingIsAppliedToTheSessionAtLogin() {
        GeneralSettings general = settings.current();
        int previous = general.getSessionTimeoutMinutes();
        general.setSessionTimeoutMinutes(45);
        SystemUser.run(() -> settings.save(general));
        try {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.getSession(true).setMaxInactiveInterval(60);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
            events.publishEvent(new AuthenticationSuccessEvent(testUsers.authenticationOf(testUsers.newUser(Role.STAFF))));

            assertThat(request.getSession().getMaxInactiveInterval()).isEqualTo(45 * 60);
        } finally {
            general.setSessionTimeoutMinutes(previous);
            SystemUser.run(() -> settings.save(general));
        }
    }

    @Test
    void aUsersLanguageChoiceIsRememberedAndUsedAtTheirNextVisit() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        SecurityContextHolder.getContext().setAuthentication(testUsers.authenticationOf(staff));
        signedIn.changeLanguage(Locale.forLanguageTag("es-ES"));
        SecurityContextHolder.clearContext();

        assertThat(jdbc.sql("SELECT preferred_language FROM app_user WHERE id = ?").param(staff.id()).query(String.class).single())
                .isEqualTo("es");

        try (BrowserlessApp app = new BrowserlessApp(spring)) {
            BrowserlessUIContext window = app.windowOf(testUsers.authenticationOf(staff));
            window.navigate(HomeView.class);
            assertThat(window.getUI().getLocale().getLanguage()).isEqualTo("es");
            assertThat(window.find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Inicio");
        }
    }
}
