package io.escalera.interaction;

/**
 * Contribution point of the quick-log dialog: a higher module (complaints) offers to take what was just logged further,
 * e.g. "this is a complaint". The dialog saves the interaction first, then hands it over; with no bean of this type
 * the dialog shows no such button.
 */
public interface QuickLogEscalation {

    /** Translation key of the button, e.g. "quick-log.is-complaint". */
    String labelKey();

    /** Opens the follow-on screen, prefilled from the interaction just logged; {@code done} redraws the caller. */
    void escalate(InteractionRow logged, Runnable done);
}
