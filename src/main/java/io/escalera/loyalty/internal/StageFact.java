package io.escalera.loyalty.internal;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerFacts;
import org.springframework.stereotype.Component;

import java.util.List;

/** The customer's ladder stage in the 360 header. */
@Component
class StageFact implements CustomerFacts {

    private final LadderStore store;

    StageFact(LadderStore store) {
        this.store = store;
    }

    @Override
    public List<Fact> factsFor(CustomerDetails customer) {
        return List.of(Fact.translated("customer.stage", store.current(customer.id()).map(s -> "stage." + s).orElse("stage.unknown")));
    }
}
