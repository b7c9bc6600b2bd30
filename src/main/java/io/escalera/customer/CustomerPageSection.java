package io.escalera.customer;

import com.vaadin.flow.component.Component;

/**
 * Contribution point of the customer page: a section another module shows there (e.g. the customer's value with its
 * parts and risk reasons), below the header facts, without the page knowing that module.
 */
public interface CustomerPageSection {

    /** Sorts the sections on the page. */
    int order();

    /** The section for this customer, or null when it has nothing to show to this user. */
    Component create(CustomerDetails customer);
}
