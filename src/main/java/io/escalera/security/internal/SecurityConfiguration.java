package io.escalera.security.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.escalera.security.ui.LoginView;
import io.escalera.shared.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ThrottlingAuthenticationProvider authenticationProvider)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN"));
        http.authenticationProvider(authenticationProvider);
        // A new session id at login defeats session fixation; the session (and Vaadin's state in it) is kept.
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /** BCrypt, behind Spring's delegating encoder so that hashes name their algorithm and can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ThrottlingAuthenticationProvider throttlingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                                                      LoginThrottle throttle, AuditLog auditLog, Clock clock) {
        return new ThrottlingAuthenticationProvider(users, encoder, throttle, auditLog, clock);
    }
}
