package io.escalera.shared.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** One clock for the whole application, so that time-dependent rules can be tested at chosen instants. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
