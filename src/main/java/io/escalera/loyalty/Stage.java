package io.escalera.loyalty;

/** The rungs of the ladder, lowest first; LAPSED is off the ladder (bought before, not in the window). */
public enum Stage {
    PROSPECT, SHOPPER, CUSTOMER, CLIENT, ADVOCATE, LAPSED;

    /** The rung's height for "up" and "down" (LAPSED counts as below SHOPPER). */
    public int height() {
        return this == LAPSED ? 0 : ordinal();
    }
}
