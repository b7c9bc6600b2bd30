package io.escalera.complaint.internal;

import io.escalera.customer.OrderService;
import io.escalera.interaction.InteractionService;
import org.springframework.stereotype.Component;

/**
 * Whether the order and the interaction a new case names belong to its customer (and are visible to the user): an id
 * from a request body is never trusted to point at the same customer.
 */
@Component
public class CaseLinks {

    private final OrderService orders;
    private final InteractionService interactions;

    CaseLinks(OrderService orders, InteractionService interactions) {
        this.orders = orders;
        this.interactions = interactions;
    }

    public boolean orderBelongsTo(long orderId, long customerId) {
        return orders.belongsTo(orderId, customerId);
    }

    public boolean interactionBelongsTo(long interactionId, long customerId) {
        return interactions.belongsTo(interactionId, customerId);
    }
}
