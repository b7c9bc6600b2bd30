package io.escalera.complaint;

import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.Settings;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The complaint rules that are settings: SLA targets per severity (hours), how much STAFF may grant without a
 * MANAGER, and the "due soon" window.
 */
@Service
public class ComplaintSettings {

    static final String RESPONSE_HOURS = "complaint.sla.response-hours.";
    static final String RESOLUTION_HOURS = "complaint.sla.resolution-hours.";
    static final String STAFF_LIMIT = "complaint.compensation.staff-limit";
    static final String DUE_SOON_HOURS = "complaint.sla.due-soon-hours";

    private final Settings settings;

    ComplaintSettings(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param responseHours   first-response target per severity, hours
     * @param resolutionHours resolution target per severity, hours (net of time waiting for the customer)
     * @param staffLimit      the largest compensation STAFF grant without approval
     * @param dueSoonHours    a due time this close makes a case "due soon"
     */
    public record Rules(Map<Severity, Integer> responseHours, Map<Severity, Integer> resolutionHours, BigDecimal staffLimit,
                        int dueSoonHours) {
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public Rules rules() {
        Map<Severity, Integer> response = new EnumMap<>(Severity.class);
        Map<Severity, Integer> resolution = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            response.put(severity, (int) responseTarget(severity).toHours());
            resolution.put(severity, (int) resolutionTarget(severity).toHours());
        }
        return new Rules(response, resolution, staffLimit(), (int) dueSoonWindow().toHours());
    }

    // each getter reads one key: lists ask for the window on every page

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public Duration responseTarget(Severity severity) {
        return Duration.ofHours(settings.getInt(RESPONSE_HOURS + severity, (int) severity.defaultResponse().toHours()));
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public Duration resolutionTarget(Severity severity) {
        return Duration.ofHours(settings.getInt(RESOLUTION_HOURS + severity, (int) severity.defaultResolution().toHours()));
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public BigDecimal staffLimit() {
        return new BigDecimal(settings.get(STAFF_LIMIT, "50.00"));
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public Duration dueSoonWindow() {
        return Duration.ofHours(settings.getInt(DUE_SOON_HOURS, 4));
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public void save(Rules rules) {
        List<FieldError> errors = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            Integer response = rules.responseHours().get(severity);
            Integer resolution = rules.resolutionHours().get(severity);
            if (response == null || response < 1 || response > 24 * 90) {
                errors.add(new FieldError("response-" + severity, "complaint-settings.hours.invalid"));
            }
            if (resolution == null || resolution < 1 || resolution > 24 * 365) {
                errors.add(new FieldError("resolution-" + severity, "complaint-settings.hours.invalid"));
            } else if (response != null && resolution < response) {
                errors.add(new FieldError("resolution-" + severity, "complaint-settings.resolution.before-response"));
            }
        }
        if (rules.staffLimit() == null || rules.staffLimit().signum() < 0) {
            errors.add(new FieldError("staffLimit", "complaint-settings.limit.invalid"));
        }
        if (rules.dueSoonHours() < 1 || rules.dueSoonHours() > 24 * 7) {
            errors.add(new FieldError("dueSoonHours", "complaint-settings.hours.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        for (Severity severity : Severity.values()) {
            settings.put(RESPONSE_HOURS + severity, String.valueOf(rules.responseHours().get(severity)));
            settings.put(RESOLUTION_HOURS + severity, String.valueOf(rules.resolutionHours().get(severity)));
        }
        settings.put(STAFF_LIMIT, rules.staffLimit().setScale(2, RoundingMode.HALF_UP).toPlainString());
        settings.put(DUE_SOON_HOURS, String.valueOf(rules.dueSoonHours()));
    }
}
