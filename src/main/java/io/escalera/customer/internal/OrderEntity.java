package io.escalera.customer.internal;

import io.escalera.customer.SalesChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "customer_order")
public class OrderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_order_seq")
    @SequenceGenerator(name = "customer_order_seq", sequenceName = "customer_order_seq", allocationSize = 50)
    private Long id;
    @Column(name = "external_id", nullable = false)
    private String externalId;
    @Column(name = "customer_id", nullable = false)
    private Long customerId;
    @Column(name = "order_date", nullable = false)
    private LocalDate orderDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SalesChannel channel;
    @Column(name = "unit_id", nullable = false)
    private Long unitId;
    @Column(name = "gross_amount", nullable = false)
    private BigDecimal grossAmount;
    @Column(nullable = false)
    private BigDecimal discount = BigDecimal.ZERO;
    @Column(name = "cost_of_goods")
    private BigDecimal costOfGoods;
    @Column(name = "promised_delivery")
    private LocalDate promisedDelivery;
    @Column(name = "actual_delivery")
    private LocalDate actualDelivery;
    @Column(name = "delivered_in_full")
    private Boolean deliveredInFull;
    @Column(name = "returned_amount", nullable = false)
    private BigDecimal returnedAmount = BigDecimal.ZERO;
    private String categories;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_by")
    private String updatedBy;
    @Version
    private long version;

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
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
    public void setCategories(String categories) { this.categories = categories; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
    public long getVersion() { return version; }
}
