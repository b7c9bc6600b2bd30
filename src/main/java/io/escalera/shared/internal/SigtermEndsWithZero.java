package io.escalera.shared.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * SIGTERM is how a service manager, {@code docker stop} or {@code spring-boot:run} asks the application to stop. The
 * JVM's own handler stops just as gracefully (the same shutdown hooks close the Spring context) but then exits with
 * 143, which these callers report as a failure ("BUILD FAILURE … exit code 143"). Here SIGTERM exits with 0 once the
 * shutdown hooks have run. A second signal during the stop changes nothing: the first exit status stands.
 */
@Component
class SigtermEndsWithZero {

    private static final Logger log = LoggerFactory.getLogger(SigtermEndsWithZero.class);
    private static volatile boolean installed;

    @EventListener(ApplicationStartedEvent.class)
    void install() {
        if (installed) {
            return;
        }
        try {
            Signal.handle(new Signal("TERM"), signal -> {
                log.info("SIGTERM: stopping gracefully");
                System.exit(0);
            });
            installed = true;
        } catch (IllegalArgumentException e) {
            // no SIGTERM here (another platform) or the JVM runs with -Xrs: keep the JVM's default
            log.debug("SIGTERM handler not installed: {}", e.getMessage());
        }
    }
}
