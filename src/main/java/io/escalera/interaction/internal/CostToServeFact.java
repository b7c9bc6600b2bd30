package io.escalera.interaction.internal;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerFacts;
import io.escalera.interaction.InteractionService;
import org.springframework.stereotype.Component;

import java.util.List;

/** The customer's cost to serve to date, in the 360 header. */
@Component
class CostToServeFact implements CustomerFacts {

    private final InteractionService interactions;

    CostToServeFact(InteractionService interactions) {
        this.interactions = interactions;
    }

    @Override
    public List<Fact> factsFor(CustomerDetails customer) {
        return List.of(Fact.money("customer.cost-to-serve", interactions.costToServe(customer.id())));
    }
}
