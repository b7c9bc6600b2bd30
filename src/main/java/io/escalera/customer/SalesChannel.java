package io.escalera.customer;

/** Where an order was placed. */
public enum SalesChannel {
    STORE, WEB, APP, PHONE, MARKETPLACE
}
