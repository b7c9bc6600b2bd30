package io.escalera.kpi;

import io.escalera.kpi.internal.KpiTargetStore;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.AuditLog;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.FieldErrorsException.FieldError;
import io.escalera.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * KPI targets, set by MANAGER and ADMIN. Before saving, a target is held against history: one beyond the KPI's natural
 * bounds (NPS above 100, a share above 100 %) or asking for a bigger change than the best period-over-period change
 * ever observed for that KPI and scope is saved only when confirmed with a rationale.
 */
@Service
@Transactional(readOnly = true)
public class KpiTargetService {

    /** How many periods of history are read to find the best change. */
    static final int HISTORY_PERIODS = 24;

    private final KpiTargetStore store;
    private final KpiService kpis;
    private final UnitScopes scopes;
    private final SignedInUsers signedIn;
    private final AuditLog audit;
    private final Clock clock;

    KpiTargetService(KpiTargetStore store, KpiService kpis, UnitScopes scopes, SignedInUsers signedIn, AuditLog audit, Clock clock) {
        this.store = store;
        this.kpis = kpis;
        this.scopes = scopes;
        this.signedIn = signedIn;
        this.audit = audit;
        this.clock = clock;
    }

    /** What history says of the target (nothing is saved). */
    @RolesAllowed({"MANAGER", "ADMIN"})
    public Plausibility check(KpiTargetForm form) {
        validate(form);
        KpiPeriod period = KpiPeriod.of(form.getPeriodKind(), form.getPeriodDay());
        Kpi kpi = form.getKpi();
        double target = form.getValue();
        if ((kpi.min() != null && target < kpi.min()) || (kpi.max() != null && target > kpi.max())) {
            return new Plausibility(false, "kpi-target.out-of-bounds", null, null, null);
        }
        KpiFilter scope = new KpiFilter(form.getScope() == KpiTarget.Scope.UNIT ? form.getUnitId() : null, true,
                form.getScope() == KpiTarget.Scope.CHANNEL ? form.getChannel() : null);
        Set<Long> units = scope.unitId() == null ? null : scopes.unitsForList(scope.unitId(), true);
        // history up to the period before the target's, and never beyond the last complete period
        KpiPeriod last = period.previous();
        LocalDate today = LocalDate.now(clock);
        while (!last.to().isBefore(today)) {
            last = last.previous();
        }
        List<Double> history = kpis.history(kpi, last, HISTORY_PERIODS, scope, units);
        Double baseline = null;
        for (int i = history.size() - 1; i >= 0 && baseline == null; i--) {
            baseline = history.get(i);
        }
        Double best = null;
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i) != null && history.get(i - 1) != null) {
                double change = kpi.higherIsBetter() ? history.get(i) - history.get(i - 1) : history.get(i - 1) - history.get(i);
                best = best == null ? change : Math.max(best, change);
            }
        }
        if (baseline == null) {
            return new Plausibility(true, null, null, null, best);
        }
        double needed = target - baseline;
        double neededGood = kpi.higherIsBetter() ? needed : -needed;
        // periods between the baseline and the target: the change may be spread over them
        long periodsAhead = Math.max(1, periodsBetween(last, period));
        if (best != null && neededGood > 0 && neededGood / periodsAhead > Math.max(best, 0)) {
            return new Plausibility(false, "kpi-target.beyond-history", baseline, needed, best);
        }
        return new Plausibility(true, null, baseline, needed, best);
    }

    private static long periodsBetween(KpiPeriod last, KpiPeriod target) {
        return switch (target.kind()) {
            case MONTH -> ChronoUnit.MONTHS.between(last.from(), target.from());
            case QUARTER -> ChronoUnit.MONTHS.between(last.from(), target.from()) / 3;
            case YEAR -> ChronoUnit.YEARS.between(last.from(), target.from());
            case CUSTOM -> 1;
        };
    }

    /**
     * Saves a target; an implausible one only when {@code confirmed} and with a rationale.
     *
     * @throws FieldErrorsException for missing fields, or "kpi-target.confirm" when history says no and it is not confirmed
     */
    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public KpiTarget save(KpiTargetForm form, boolean confirmed) {
        Plausibility plausibility = check(form);
        if (!plausibility.plausible() && (!confirmed || !StringUtils.hasText(form.getRationale()))) {
            throw new FieldErrorsException(List.of(new FieldError(confirmed ? "rationale" : "value",
                    confirmed ? "kpi-target.rationale-required" : "kpi-target.confirm")));
        }
        KpiPeriod period = KpiPeriod.of(form.getPeriodKind(), form.getPeriodDay());
        long id = store.insert(form, period, !plausibility.plausible(), signedIn.require().username(), clock.instant());
        audit.record("KPI_TARGET_SET", "kpi_target", String.valueOf(id), form.getKpi() + " " + period.from() + " → " + form.getValue());
        return list().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    private void validate(KpiTargetForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.getKpi() == null || !form.getKpi().fromDailyFacts()) {
            errors.add(new FieldError("kpi", "kpi-target.kpi-required"));
        }
        if (form.getPeriodKind() == null || form.getPeriodKind() == KpiPeriod.Kind.CUSTOM || form.getPeriodDay() == null) {
            errors.add(new FieldError("periodDay", "kpi-target.period-required"));
        }
        if (form.getValue() == null || form.getValue().isNaN() || form.getValue().isInfinite()) {
            errors.add(new FieldError("value", "kpi-target.value-required"));
        }
        if (!StringUtils.hasText(form.getOwner())) {
            errors.add(new FieldError("owner", "kpi-target.owner-required"));
        }
        if (form.getScope() == null
                || form.getScope() == KpiTarget.Scope.UNIT && (form.getUnitId() == null || !scopes.canAct(form.getUnitId()))
                || form.getScope() == KpiTarget.Scope.CHANNEL && !StringUtils.hasText(form.getChannel())
                // company-wide targets (all units, or a channel over all units) are ADMIN's
                || form.getScope() != KpiTarget.Scope.UNIT && !scopes.actsCompanyWide()) {
            errors.add(new FieldError("scope", "kpi-target.scope-invalid"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    /** The targets the user may see: company-wide ones, and those of units within their scope. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public List<KpiTarget> list() {
        return store.all().stream().filter(t -> t.unitId() == null || scopes.canSee(t.unitId())).toList();
    }

    /** Deletes a target the user may change: one of their home units, or (ADMIN) a company-wide one. */
    @RolesAllowed({"MANAGER", "ADMIN"})
    @Transactional
    public void delete(long id) {
        KpiTarget target = store.all().stream().filter(t -> t.id() == id)
                .filter(t -> t.unitId() == null ? scopes.actsCompanyWide() : scopes.canAct(t.unitId()))
                .findFirst().orElseThrow(() -> new NotFoundException("kpi-target", id));
        store.delete(target.id());
        audit.record("KPI_TARGET_DELETED", "kpi_target", String.valueOf(id), null);
    }
}
