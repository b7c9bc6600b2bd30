package io.escalera.feedback;

public enum Touchpoint {
    AFTER_PURCHASE, AFTER_CASE_RESOLUTION, RELATIONSHIP
}
