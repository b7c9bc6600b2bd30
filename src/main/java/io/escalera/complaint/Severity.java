package io.escalera.complaint;

import java.time.Duration;

/** How bad a case is; each severity has its own SLA targets (settings, with these defaults). */
public enum Severity {
    LOW(Duration.ofHours(48), Duration.ofDays(10)),
    MEDIUM(Duration.ofHours(24), Duration.ofDays(5)),
    HIGH(Duration.ofHours(8), Duration.ofHours(48)),
    CRITICAL(Duration.ofHours(4), Duration.ofHours(24));

    private final Duration defaultResponse;
    private final Duration defaultResolution;

    Severity(Duration defaultResponse, Duration defaultResolution) {
        this.defaultResponse = defaultResponse;
        this.defaultResolution = defaultResolution;
    }

    public Duration defaultResponse() {
        return defaultResponse;
    }

    public Duration defaultResolution() {
        return defaultResolution;
    }
}
