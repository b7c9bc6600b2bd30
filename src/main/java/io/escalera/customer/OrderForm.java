package io.escalera.customer;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What staff type to record an order; money as BigDecimal, never floating point. */
public class OrderForm {

    @NotBlank
    @Size(max = 40)
    private String externalId;
    @NotNull
    private Long customerId;
    @NotNull
    private LocalDate orderDate;
    @NotNull
    private SalesChannel channel = SalesChannel.STORE;
    @NotNull
    private Long unitId;
    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal grossAmount;
    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal discount = BigDecimal.ZERO;
    @DecimalMin("0.00")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal costOfGoods;
    private LocalDate promisedDelivery;
    private LocalDate actualDelivery;
    private Boolean deliveredInFull;
    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 10, fraction = 2)
    private BigDecimal returnedAmount = BigDecimal.ZERO;
    @Size(max = 255)
    private String categories;
    private long version;

    public static OrderForm of(OrderRow order) {
        OrderForm form = new OrderForm();
        form.externalId = order.externalId();
        form.customerId = order.customerId();
        form.orderDate = order.orderDate();
        form.channel = order.channel();
        form.unitId = order.unitId();
        form.grossAmount = order.grossAmount();
        form.discount = order.discount();
        form.costOfGoods = order.costOfGoods();
        form.promisedDelivery = order.promisedDelivery();
        form.actualDelivery = order.actualDelivery();
        form.deliveredInFull = order.deliveredInFull();
        form.returnedAmount = order.returnedAmount();
        form.categories = order.categories();
        form.version = order.version();
        return form;
    }

    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId == null ? null : externalId.trim(); }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public LocalDate getOrderDate() { return orderDate; }
    public void setOrderDate(LocalDate orderDate) { this.orderDate = orderDate; }
    public SalesChannel getChannel() { return channel; }
    public void setChannel(SalesChannel channel) { this.channel = channel; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public BigDecimal getGrossAmount() { return grossAmount; }
    public void setGrossAmount(BigDecimal grossAmount) { this.grossAmount = grossAmount; }
    public BigDecimal getDiscount() { return discount; }
    public void setDiscount(BigDecimal discount) { this.discount = discount; }
    public BigDecimal getCostOfGoods() { return costOfGoods; }
    public void setCostOfGoods(BigDecimal costOfGoods) { this.costOfGoods = costOfGoods; }
    public LocalDate getPromisedDelivery() { return promisedDelivery; }
    public void setPromisedDelivery(LocalDate promisedDelivery) { this.promisedDelivery = promisedDelivery; }
    public LocalDate getActualDelivery() { return actualDelivery; }
    public void setActualDelivery(LocalDate actualDelivery) { this.actualDelivery = actualDelivery; }
    public Boolean getDeliveredInFull() { return deliveredInFull; }
    public void setDeliveredInFull(Boolean deliveredInFull) { this.deliveredInFull = deliveredInFull; }
    public BigDecimal getReturnedAmount() { return returnedAmount; }
    public void setReturnedAmount(BigDecimal returnedAmount) { this.returnedAmount = returnedAmount; }
    public String getCategories() { return categories; }
    public void setCategories(String categories) { this.categories = OrderCategories.normalised(categories); }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
