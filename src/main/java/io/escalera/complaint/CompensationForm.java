package io.escalera.complaint;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A compensation offered on a case; the amount is in the configured currency. */
public class CompensationForm {

    @NotNull
    private CompensationType type;
    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal amount;
    @NotBlank
    @Size(max = 500)
    private String reason;

    public CompensationType getType() { return type; }
    public void setType(CompensationType type) { this.type = type; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
