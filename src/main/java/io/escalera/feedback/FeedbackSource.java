package io.escalera.feedback;

public enum FeedbackSource {
    STAFF, SURVEY_LINK, IMPORT, API
}
