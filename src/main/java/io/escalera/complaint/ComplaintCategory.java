package io.escalera.complaint;

public enum ComplaintCategory {
    LATE_DELIVERY, INCOMPLETE_ORDER, DEFECTIVE_PRODUCT, BILLING, STAFF_ATTITUDE, RETURN_REFUND, OTHER
}
