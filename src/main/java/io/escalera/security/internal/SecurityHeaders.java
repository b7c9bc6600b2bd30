package io.escalera.security.internal;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of every page and API answer. The Content-Security-Policy is as strict as Vaadin Flow allows
 * (its documentation, "Content Security Policy"): the bootstrap page starts Flow's client engine with an inline
 * script ({@code script-src 'unsafe-inline'}), the engine runs the expressions the server sends ({@code executeJs()},
 * event data) by constructing functions from them ({@code 'unsafe-eval'}), and the components set inline styles
 * ({@code style-src 'unsafe-inline'}). This holds in production mode as in development mode. Everything else is
 * restricted to this origin: no plug-ins, no foreign frames, forms post only here.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    private SecurityHeaders() {
    }

    static void apply(HeadersConfigurer<HttpSecurity> headers) {
        // Written before the request goes on, not when the response is committed: Vaadin's bootstrap page is written
        // in a way that the on-commit hook misses, and it then went out with none of these headers.
        headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin);
    }
}
