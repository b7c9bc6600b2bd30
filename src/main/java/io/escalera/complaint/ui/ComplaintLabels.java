package io.escalera.complaint.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.escalera.complaint.SlaState;

/** The SLA badge, the same in the queues and on the case page. */
final class ComplaintLabels {

    private ComplaintLabels() {
    }

    static Span slaBadge(SlaState state, Component translator) {
        Span badge = new Span(translator.getTranslation("complaint.sla." + state));
        badge.getElement().getThemeList().add("badge pill small " + switch (state) {
            case BREACHED -> "error primary";
            case DUE_SOON -> "warning";
            case PAUSED -> "contrast";
            case MET -> "success";
            case ON_TRACK -> "success";
        });
        badge.addClassName("sla-" + state.name().toLowerCase());
        return badge;
    }
}
