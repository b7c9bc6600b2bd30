package io.escalera.shared.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * A page asking the server every so often for news of background work (no push needed), until stopped: a view keeps
 * one, starts it when work it shows is running, and stops it when the work is done or the view is left.
 */
public final class PagePolling {

    private UI ui;
    private Registration registration;

    /** Polls every {@code millis} ms from now on, instead of any earlier polling of this one. */
    public void start(int millis, ComponentEventListener<PollEvent> listener) {
        stop();
        ui = UI.getCurrent();
        ui.setPollInterval(millis);
        registration = ui.addPollListener(listener);
    }

    public void stop() {
        if (registration != null) {
            registration.remove();
            registration = null;
            ui.setPollInterval(-1);
        }
    }
}
