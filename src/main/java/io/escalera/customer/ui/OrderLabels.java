package io.escalera.customer.ui;

import com.vaadin.flow.component.Component;
import io.escalera.customer.OrderRow;

/** How an order's delivery reads in lists: on time, late, incomplete, or not delivered. */
final class OrderLabels {

    private OrderLabels() {
    }

    static String delivery(OrderRow order, Component translator) {
        if (order.actualDelivery() == null) {
            return order.promisedDelivery() == null ? "" : translator.getTranslation("order.delivery.pending");
        }
        StringBuilder text = new StringBuilder(translator.getTranslation(order.late() ? "order.delivery.late" : "order.delivery.on-time"));
        if (order.incomplete()) {
            text.append(", ").append(translator.getTranslation("order.delivery.incomplete"));
        }
        return text.toString();
    }
}
