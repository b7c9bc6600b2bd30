package io.escalera.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.escalera.complaint.Compensation;
import io.escalera.complaint.CompensationService;
import io.escalera.complaint.CompensationStatus;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.Notifications;

import java.util.Currency;

/** A case's compensations; a manager approves or rejects the ones waiting, in the row. */
class CompensationsGrid extends Grid<Compensation> {

    CompensationsGrid(CompensationService compensations, long caseId, Currency currency, boolean mayDecide, Runnable onDecided) {
        setId("complaint-compensations");
        addColumn(c -> Formats.dateTime(c.grantedAt(), getLocale())).setHeader(getTranslation("timeline.when")).setAutoWidth(true);
        addColumn(c -> getTranslation("compensation.type." + c.type())).setHeader(getTranslation("compensation.type")).setAutoWidth(true);
        addColumn(c -> Formats.money(c.amount(), currency, getLocale())).setHeader(getTranslation("compensation.amount")).setAutoWidth(true);
        addColumn(Compensation::reason).setHeader(getTranslation("compensation.reason")).setFlexGrow(2);
        addColumn(Compensation::grantedByName).setHeader(getTranslation("compensation.granted-by")).setAutoWidth(true);
        addColumn(c -> getTranslation("compensation.status." + c.status())
                + (c.decidedByName() == null ? "" : " · " + c.decidedByName())).setHeader(getTranslation("complaint.status")).setAutoWidth(true);
        addComponentColumn(c -> {
            HorizontalLayout decide = new HorizontalLayout();
            if (mayDecide && c.status() == CompensationStatus.PENDING_APPROVAL) {
                Button approve = new Button(getTranslation("compensation.approve"), e -> decide(compensations, c.id(), true, onDecided));
                approve.setId("approve-compensation-" + c.id());
                approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
                Button reject = new Button(getTranslation("compensation.reject"), e -> decide(compensations, c.id(), false, onDecided));
                reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                decide.add(approve, reject);
            }
            return decide;
        }).setAutoWidth(true);
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setEmptyStateText(getTranslation("complaint.compensations.empty"));
        setItems(compensations.compensations(caseId));
        setAllRowsVisible(true);
    }

    private void decide(CompensationService compensations, long compensationId, boolean approve, Runnable onDecided) {
        try {
            compensations.decideCompensation(compensationId, approve);
        } catch (ActionRefusedException e) {
            Notifications.error(getTranslation(e.messageKey()));
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("complaint.compensation.already-decided"));
        }
        onDecided.run();
    }
}
