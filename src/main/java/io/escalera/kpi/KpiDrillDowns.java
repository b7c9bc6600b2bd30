package io.escalera.kpi;

import io.escalera.kpi.internal.KpiDrillDown;
import io.escalera.kpi.internal.KpiFacts;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.Stage;
import io.escalera.security.UnitScopes;
import io.escalera.value.ValueService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What lies behind a board's numbers: the records behind a tile, the answers behind a voice number and the score
 * distributions, in the board's period and filter, over the units the signed-in user may see.
 */
@Service
@Transactional(readOnly = true)
public class KpiDrillDowns {

    private final KpiService boards;
    private final KpiDrillDown drillDown;
    private final KpiFacts facts;
    private final UnitScopes scopes;
    private final ValueService values;
    private final LadderReports ladder;
    private final Clock clock;

    KpiDrillDowns(KpiService boards, KpiDrillDown drillDown, KpiFacts facts, UnitScopes scopes, ValueService values,
                  LadderReports ladder, Clock clock) {
        this.boards = boards;
        this.drillDown = drillDown;
        this.facts = facts;
        this.scopes = scopes;
        this.values = values;
        this.ladder = ladder;
        this.clock = clock;
    }

    /** The records behind a tile (orders, cases, contacts or answers), newest first, in the board's period and filter. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public List<KpiRecord> records(Board board, Kpi kpi, KpiFilter filter, KpiPeriod period, long offset, int limit) {
        if (!boards.boards().contains(board) || !board.kpis().contains(kpi)) {
            throw new AccessDeniedException("board " + board);
        }
        if (!kpi.fromDailyFacts()) {
            return snapshotRecords(kpi, filter, offset, limit);
        }
        return drillDown.records(kpi, period.from(), period.to(), filter, scopes.unitsForList(filter.unitId(), filter.allUnits()), offset, limit);
    }

    /**
     * The customers behind a snapshot number, as they stand now: the buying customers by value (average values), the
     * silent decliners, or the customers who reached the next rung (a ladder conversion).
     */
    private List<KpiRecord> snapshotRecords(Kpi kpi, KpiFilter filter, long offset, int limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        int rung = Kpi.LADDER_CONVERSIONS.indexOf(kpi);
        if (rung >= 0) {
            Stage next = Stage.values()[rung + 1];
            return ladder.customers(KpiService.ladderFilter(filter), new LadderSegment.Reached(next), offset, limit)
                    .stream().map(c -> new KpiRecord("customer", c.customerId(), c.since() == null ? now : c.since().atStartOfDay(),
                            c.customerId(), c.code(), c.name(), "kpi.record.stage", c.stage().name())).toList();
        }
        boolean silent = kpi == Kpi.SILENT_DECLINERS;
        return values.valued(silent, filter.unitId(), filter.allUnits(), filter.tier(), offset, limit).stream()
                .map(v -> new KpiRecord("customer", v.customerId(), v.flaggedOn() == null ? now : v.flaggedOn().atStartOfDay(),
                        v.customerId(), null, v.name(), silent ? "kpi.record.at-risk" : "kpi.record.value",
                        silent ? String.valueOf(v.riskScore())
                                : v.economicValue().setScale(2, RoundingMode.HALF_UP).toPlainString() + "|"
                                + v.strategicValue().setScale(2, RoundingMode.HALF_UP).toPlainString())).toList();
    }

    /**
     * The answers behind a voice number: one kind (NPS, CSAT, CES) with a score in [minScore, maxScore] — e.g. the
     * detractors behind an NPS (0–6) — in the period and filter of the board.
     */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    public List<KpiAnswer> answers(KpiFilter filter, KpiPeriod period, String kind, int minScore, int maxScore, long offset, int limit) {
        return drillDown.answers(period.from(), period.to(), filter, scopes.unitsForList(filter.unitId(), filter.allUnits()), kind,
                minScore, maxScore, offset, limit);
    }

    /**
     * How many answers gave each score (kind → score → answers: NPS 0–10, CSAT 1–5, CES 1–7) in the period and
     * filter — the Voice board's distributions, from the summary like its other numbers.
     */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    public Map<String, TreeMap<Integer, Long>> scoreDistributions(KpiFilter filter, KpiPeriod period) {
        return facts.scores(period.from(), period.to(), filter, scopes.unitsForList(filter.unitId(), filter.allUnits()));
    }
}
