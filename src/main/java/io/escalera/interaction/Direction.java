package io.escalera.interaction;

/** Who started the contact: the customer (IN) or us (OUT). */
public enum Direction {
    IN, OUT
}
