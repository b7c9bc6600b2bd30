package io.escalera.value.internal;

import io.escalera.value.ValueRules;

import java.math.BigDecimal;

/** The settings the value computation needs besides {@link ValueRules}. */
public record ValueInputs(ValueRules rules, BigDecimal costPerMinute, int customerPurchases, int clientPurchases) {
}
