package io.escalera.complaint;

import com.vaadin.flow.component.Component;

/**
 * Contribution point of the case page: an action a higher module offers there (e.g. record the customer's score when
 * the case is resolved), so that the complaint module needs no knowledge of it.
 */
public interface ComplaintPageAction {

    /** The action's button for this case, or null when it does not apply (e.g. the case is still open). */
    Component create(ComplaintDetails complaint, Runnable refresh);
}
