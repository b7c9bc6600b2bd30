package io.escalera.customer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import io.escalera.customer.OrderRow;
import io.escalera.shared.ui.Formats;

import java.util.Currency;
import java.util.Locale;

/** How orders read in lists: the same columns on the customer page and in the order list. */
final class OrderLabels {

    private OrderLabels() {
    }

    /** Adds the order columns; the customer's name only where the list mixes customers. */
    static void addColumns(Grid<OrderRow> grid, Currency currency, Component view, Locale locale, boolean withCustomer) {
        grid.addColumn(o -> Formats.date(o.orderDate(), locale)).setHeader(view.getTranslation("order.date")).setAutoWidth(true);
        grid.addColumn(OrderRow::externalId).setHeader(view.getTranslation("order.external-id")).setAutoWidth(true);
        if (withCustomer) {
            grid.addColumn(OrderRow::customerName).setHeader(view.getTranslation("order.customer")).setFlexGrow(2);
        }
        grid.addColumn(o -> view.getTranslation("channel." + o.channel())).setHeader(view.getTranslation("order.channel")).setAutoWidth(true);
        grid.addColumn(OrderRow::unitName).setHeader(view.getTranslation("order.unit")).setAutoWidth(true);
        grid.addColumn(o -> Formats.money(o.netAmount(), currency, locale)).setHeader(view.getTranslation("order.net")).setAutoWidth(true);
        grid.addColumn(o -> delivery(o, view)).setHeader(view.getTranslation("order.delivery")).setAutoWidth(true);
        grid.addColumn(o -> o.returnedAmount().signum() > 0 ? Formats.money(o.returnedAmount(), currency, locale) : "")
                .setHeader(view.getTranslation("order.returned")).setAutoWidth(true);
    }

    /** On time, late, incomplete, or not delivered yet. */
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
