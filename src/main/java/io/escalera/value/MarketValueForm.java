package io.escalera.value;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Market value as staff estimate it: share of the customer's spend in our category that comes to us, and pressure. */
public class MarketValueForm {

    @Min(0)
    @Max(100)
    private Integer shareOfWallet;

    @Min(1)
    @Max(5)
    private Integer competitivePressure;

    /** The version read, for optimistic locking (null: nothing entered yet). */
    private Long version;

    /** Takes what is stored (values and version), e.g. to show it or to reload it after a conflict. */
    public void fill(MarketValue stored) {
        shareOfWallet = stored.shareOfWallet();
        competitivePressure = stored.competitivePressure();
        version = stored.version();
    }

    public Integer getShareOfWallet() { return shareOfWallet; }
    public void setShareOfWallet(Integer shareOfWallet) { this.shareOfWallet = shareOfWallet; }
    public Integer getCompetitivePressure() { return competitivePressure; }
    public void setCompetitivePressure(Integer competitivePressure) { this.competitivePressure = competitivePressure; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
