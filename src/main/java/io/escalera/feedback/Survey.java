package io.escalera.feedback;

import java.util.List;
import java.util.Locale;

/**
 * What the public survey page shows for a token.
 *
 * @param state  QUESTIONS to ask; ANSWERED just now; ALREADY_ANSWERED (a second visit: thank you); NOT_AVAILABLE for expired and unknown tokens alike;
 *               TOO_MANY_REQUESTS when an address asks too often
 * @param kinds  the questions to ask, in order
 */
public record Survey(State state, List<FeedbackKind> kinds, Locale language) {

    public enum State { QUESTIONS, ANSWERED, ALREADY_ANSWERED, NOT_AVAILABLE, TOO_MANY_REQUESTS }

    static Survey of(State state, Locale language) {
        return new Survey(state, List.of(), language);
    }
}
