package io.escalera.admin.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** "Demo mode on a real database" as one clear line and what to do, instead of a stack trace. */
class DemoDatabaseRefusedFailureAnalyzer extends AbstractFailureAnalyzer<DemoDatabaseGuard.DemoDatabaseRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoDatabaseGuard.DemoDatabaseRefusedException cause) {
        return new FailureAnalysis(
                "Escalera will not start in demo mode (public demo passwords) on this database: it has data and was"
                        + " not created by demo mode.",
                "Start without the demo profile (java -jar, or remove 'demo' from spring.profiles.active), or point demo"
                        + " mode at an empty database (another ESCALERA_DATA_DIR or SPRING_DATASOURCE_URL).",
                cause);
    }
}
