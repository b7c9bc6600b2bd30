package io.escalera.admin;

public enum UnitKind {
    STORE, REGION, ONLINE, CALL_CENTRE
}
