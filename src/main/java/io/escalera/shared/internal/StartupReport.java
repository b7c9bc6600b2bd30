package io.escalera.shared.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** One line that says where Escalera answers and how long the start took, counted from the JVM's start. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener(ApplicationReadyEvent.class)
    void report(ApplicationReadyEvent event) {
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        String where = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? "http://localhost:" + web.getWebServer().getPort() : "(no web server)";
        log.info("Escalera is ready at {} — started in {} s since the JVM started", where, String.format(Locale.ROOT, "%.1f", seconds));
    }
}
