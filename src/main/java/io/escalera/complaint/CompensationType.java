package io.escalera.complaint;

public enum CompensationType {
    REFUND, VOUCHER, REPLACEMENT, DISCOUNT, GESTURE
}
