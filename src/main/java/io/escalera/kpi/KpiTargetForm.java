package io.escalera.kpi;

import java.time.LocalDate;

/** What MANAGER and ADMIN fill in to set a target. */
public class KpiTargetForm {

    private Kpi kpi;
    private KpiPeriod.Kind periodKind = KpiPeriod.Kind.QUARTER;
    private LocalDate periodDay;
    private KpiTarget.Scope scope = KpiTarget.Scope.ALL;
    private Long unitId;
    private String channel;
    private Double value;
    private String owner;
    private String rationale;

    public Kpi getKpi() { return kpi; }
    public void setKpi(Kpi kpi) { this.kpi = kpi; }
    public KpiPeriod.Kind getPeriodKind() { return periodKind; }
    public void setPeriodKind(KpiPeriod.Kind periodKind) { this.periodKind = periodKind; }
    public LocalDate getPeriodDay() { return periodDay; }
    public void setPeriodDay(LocalDate periodDay) { this.periodDay = periodDay; }
    public KpiTarget.Scope getScope() { return scope; }
    public void setScope(KpiTarget.Scope scope) { this.scope = scope; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public Double getValue() { return value; }
    public void setValue(Double value) { this.value = value; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner == null ? null : owner.trim(); }
    public String getRationale() { return rationale; }
    public void setRationale(String rationale) { this.rationale = rationale == null ? null : rationale.trim(); }
}
