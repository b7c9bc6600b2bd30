package io.escalera.feedback;

import java.time.Instant;
import java.time.LocalDate;

/** What the feedback module tells the ladder, value and KPI modules. */
public final class FeedbackEvents {

    private FeedbackEvents() {
    }

    public record FeedbackReceived(long feedbackId, Long customerId, FeedbackKind kind, int score, FeedbackSource source,
                                   Touchpoint touchpoint, Instant answeredAt) {
    }

    /** A detractor (NPS 0–6) or unhappy CSAT (1–2): a follow-up was opened for it. */
    public record DetractorDetected(long feedbackId, Long customerId, FeedbackKind kind, int score, long followUpId,
                                    Instant answeredAt) {
    }

    /** The loop was closed with an unhappy customer: its follow-up (opened at {@code openedAt}) is done. */
    public record FollowUpClosed(long followUpId, Long customerId, FollowUpOutcome outcome, Instant openedAt, boolean withinSla) {
    }

    /**
     * Answers imported in bulk (one event for the file): the days they fall on, first and last (old days of changed
     * answers included), and how many were created and changed. Imported answers are history: they open no follow-up.
     */
    public record FeedbackImported(long importId, LocalDate from, LocalDate to, long created, long updated) {
    }
}
