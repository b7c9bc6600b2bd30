package io.escalera.security.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.escalera.security.ui.LoginView;
import io.escalera.shared.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

import java.time.Clock;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /**
     * The REST API and its description: stateless, authenticated only by API tokens (never by the UI's session
     * cookie, so no CSRF token is needed), answering refusals as problem details. The description (OpenAPI document
     * and Swagger UI) needs a valid API token of any role too, unless {@code escalera.api-docs.public=true}. The error
     * dispatch of a REST call belongs here too: it is answered as a problem detail, never by the screens' chain.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenStore tokens, ApiRateLimiter limiter, Clock clock,
                                       @Value("${escalera.api-docs.public:false}") boolean apiDocsPublic)
            throws Exception {
        http.securityMatchers(matchers -> matchers
                .requestMatchers("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .requestMatchers(ApiErrorDispatch.OF_AN_API_CALL));
        http.addFilterBefore(new ApiErrorDispatch(), DisableEncodeUrlFilter.class);
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/api/**").authenticated();
            if (apiDocsPublic) {
                requests.anyRequest().permitAll();
            } else {
                requests.anyRequest().authenticated();
            }
        });
        http.headers(SecurityHeaders::apply);
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        http.requestCache(cache -> cache.disable());
        http.formLogin(form -> form.disable());
        http.httpBasic(basic -> basic.disable());
        http.logout(logout -> logout.disable());
        http.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, limiter, clock), AnonymousAuthenticationFilter.class);
        http.exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, e) -> ApiProblems.write(request, response, 401,
                        "Unauthorized", "Send an API token: Authorization: Bearer <token>."))
                .accessDeniedHandler((request, response, e) -> ApiProblems.write(request, response, 403,
                        "Forbidden", "This token's role may not do this.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ThrottlingAuthenticationProvider authenticationProvider,
                                            AccountStates accounts) throws Exception {
        http.addFilterAfter(new AccountSessionGuard(accounts), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN"));
        http.authenticationProvider(authenticationProvider);
        // A new session id at login defeats session fixation; the session (and Vaadin's state in it) is kept.
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(SecurityHeaders::apply);
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
