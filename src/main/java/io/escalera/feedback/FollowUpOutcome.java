package io.escalera.feedback;

/** How a closed-loop follow-up ended. */
public enum FollowUpOutcome {
    CONTACTED_RECOVERED, CONTACTED_NOT_RECOVERED, NOT_REACHABLE
}
