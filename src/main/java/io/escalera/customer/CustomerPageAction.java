package io.escalera.customer;

import com.vaadin.flow.component.Component;

/**
 * Contribution point of the customer page: an action another module offers there (log an interaction, open a case,
 * record a score), so that the page needs no knowledge of those modules.
 */
public interface CustomerPageAction {

    /** Sorts the actions on the page. */
    int order();

    /** The action's button for this customer; {@code refresh} redraws the page after the action. */
    Component create(CustomerDetails customer, Runnable refresh);
}
