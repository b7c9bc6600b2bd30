package io.escalera.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * Contribution point of the header: a module adds a button (with its keyboard shortcut) that is there on every
 * screen, such as the quick-log dialog. Shown only to users whose role may use it.
 */
public interface HeaderAction {

    boolean availableToCurrentUser();

    Component create();
}
