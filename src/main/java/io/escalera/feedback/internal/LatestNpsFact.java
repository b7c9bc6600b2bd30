package io.escalera.feedback.internal;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerFacts;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.NpsCategory;
import org.springframework.stereotype.Component;

import java.util.List;

/** The customer's latest NPS answer and its category, in the 360 header. */
@Component
class LatestNpsFact implements CustomerFacts {

    private final FeedbackStore store;

    LatestNpsFact(FeedbackStore store) {
        this.store = store;
    }

    @Override
    public List<Fact> factsFor(CustomerDetails customer) {
        return store.latest(customer.id(), FeedbackKind.NPS)
                .map(f -> List.of(Fact.withMeaning("customer.latest-nps", String.valueOf(f.score()), "nps." + NpsCategory.of(f.score()))))
                .orElse(List.of(Fact.translated("customer.latest-nps", "nps.none")));
    }
}
