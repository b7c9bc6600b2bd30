package io.escalera.customer;

/** How a customer first came to us. */
public enum AcquisitionChannel {
    STORE, WEB, APP, PHONE, MARKETPLACE, REFERRAL, OTHER
}
