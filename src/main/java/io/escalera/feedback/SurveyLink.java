package io.escalera.feedback;

import java.time.Instant;

/** A new survey link: the token appears here once and is never stored (only its hash is). */
public record SurveyLink(long invitationId, String token, Instant expiresAt) {

    /** The public page's path, e.g. "s/3q2…"; the screen adds the server's address. */
    public String path() {
        return "s/" + token;
    }
}
