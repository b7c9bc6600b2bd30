package io.escalera.shared.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /**
     * One clock for the whole application, so that time-dependent rules can be tested at chosen instants. It ticks in
     * milliseconds, the precision the database keeps (DATETIME(3)): an instant compared in memory is the one stored.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemDefaultZone(), Duration.ofMillis(1));
    }
}
