package io.escalera.value;

import java.time.LocalDate;

/**
 * The risk rule checked against history: on {@code cutoff} (N months ago), with only what was known that day, it
 * would have flagged {@code flagged} of the {@code active} customers (at least one purchase in the 365 days before).
 * Of those, {@code flaggedLapsed} bought nothing since; of all active ones, {@code activeLapsed}.
 */
public record BackTest(int months, LocalDate cutoff, long active, long flagged, long flaggedLapsed, long activeLapsed) {

    public Double flaggedLapseRate() {
        return flagged == 0 ? null : (double) flaggedLapsed / flagged;
    }

    public Double baseLapseRate() {
        return active == 0 ? null : (double) activeLapsed / active;
    }

    /** How many times likelier a flagged customer lapsed than any active one. */
    public Double lift() {
        Double flaggedRate = flaggedLapseRate();
        Double base = baseLapseRate();
        return flaggedRate == null || base == null || base == 0 ? null : flaggedRate / base;
    }
}
