package io.escalera.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintForm;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.ui.ComplaintView;
import io.escalera.complaint.ui.OpenComplaintDialog;
import io.escalera.customer.CustomerService;
import io.escalera.customer.ui.CustomerView;
import io.escalera.feedback.FeedbackService;
import io.escalera.feedback.FollowUpOutcome;
import io.escalera.feedback.LoopFollowUp;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.Pages;
import io.escalera.shared.TableWriter;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import io.escalera.shared.ui.StreamingDownload;
import jakarta.annotation.security.RolesAllowed;

import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Closing the loop: unhappy answers of the unit's customers, each with its own SLA; close with an outcome and notes,
 * or open a complaint from it.
 */
@Route("feedback/follow-ups")
@Menu(title = "nav.loop", order = 19, icon = "vaadin:refresh")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class LoopFollowUpsView extends VerticalLayout implements LocalizedTitle {

    private final FeedbackService feedback;
    private final ComplaintService complaints;
    private final CustomerService customers;
    private final Grid<LoopFollowUp> grid = new Grid<>();
    private final Checkbox openOnly = new Checkbox();
    private final Clock clock;

    public LoopFollowUpsView(FeedbackService feedback, ComplaintService complaints, CustomerService customers,
                             SignedInUsers signedIn, Clock clock) {
        this.feedback = feedback;
        this.complaints = complaints;
        this.customers = customers;
        this.clock = clock;
        boolean frontLine = signedIn.isFrontLine();
        setSizeFull();
        openOnly.setLabel(getTranslation("loop.open-only"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.setId("loop-grid");
        grid.addColumn(f -> Formats.dateTime(f.openedAt(), getLocale())).setHeader(getTranslation("loop.opened")).setAutoWidth(true);
        grid.addComponentColumn(f -> {
            if (f.customerId() == null) {
                return new Span(getTranslation("loop.anonymous"));
            }
            var link = new RouterLink(f.customerName(), CustomerView.class, f.customerId());
            return link;
        }).setHeader(getTranslation("complaint.customer")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("feedback.kind." + f.kind()) + " " + f.score()).setHeader(getTranslation("loop.answer")).setAutoWidth(true);
        grid.addColumn(f -> f.comment() == null ? "" : f.comment()).setHeader(getTranslation("feedback.comment")).setFlexGrow(3);
        grid.addColumn(f -> Formats.dateTime(f.dueAt(), getLocale())).setHeader(getTranslation("complaint.due")).setAutoWidth(true);
        grid.addComponentColumn(f -> {
            Span state = new Span(state(f));
            state.getElement().getThemeList().add("badge pill small "
                    + (!f.open() ? "contrast" : late(f) ? "error primary" : "success"));
            return state;
        }).setHeader(getTranslation("complaint.status")).setAutoWidth(true);
        if (frontLine) {
            grid.addComponentColumn(f -> {
                HorizontalLayout actions = new HorizontalLayout();
                if (f.open()) {
                    Button close = new Button(getTranslation("loop.close"), e -> closeDialog(f));
                    close.setId("loop-close-" + f.id());
                    close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                    actions.add(close);
                    if (f.complaintId() == null && f.customerId() != null) {
                        Button complaint = new Button(getTranslation("complaint.new"), e -> openComplaint(f));
                        complaint.addThemeVariants(ButtonVariant.LUMO_SMALL);
                        actions.add(complaint);
                    }
                }
                if (f.complaintId() != null) {
                    Button show = new Button(getTranslation("complaint.title", f.complaintId()), e -> ComplaintView.open(f.complaintId()));
                    show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    actions.add(show);
                }
                return actions;
            }).setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("loop.empty"));
        grid.setItems(query -> feedback.followUps(openOnly.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.setSizeFull();
        HorizontalLayout top = new HorizontalLayout(openOnly);
        top.setAlignItems(Alignment.BASELINE);
        // the whole worklist (open only or not) at the moment of the click, in pages by the grid's own query
        StreamingDownload.exportLinks(this, "follow-ups", this::export).forEach(top::add);
        add(top, grid);
    }

    private void closeDialog(LoopFollowUp followUp) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("loop.close"));
        RadioButtonGroup<FollowUpOutcome> outcome = new RadioButtonGroup<>(getTranslation("loop.outcome"));
        outcome.setId("loop-outcome");
        outcome.setItems(FollowUpOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("loop.outcome." + o));
        TextArea notes = new TextArea(getTranslation("loop.notes"));
        notes.setId("loop-notes");
        notes.setMaxLength(2000);
        notes.setWidthFull();
        Button ok = new Button(getTranslation("loop.close"), e -> {
            try {
                feedback.closeFollowUp(followUp.id(), followUp.version(), outcome.getValue(), notes.getValue());
                dialog.close();
                Notifications.success(getTranslation("loop.closed"));
            } catch (FieldErrorsException ex) {
                outcome.setInvalid(true);
                outcome.setErrorMessage(getTranslation(ex.errors().getFirst().messageKey()));
                return;
            } catch (ActionRefusedException | ConcurrentEditException ex) {
                dialog.close();
                Notifications.error(getTranslation("loop.changed-meanwhile"));
            }
            grid.getDataProvider().refreshAll();
        });
        ok.setId("loop-close-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(outcome, notes));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void openComplaint(LoopFollowUp followUp) {
        ComplaintForm form = new ComplaintForm();
        form.setCategory(ComplaintCategory.OTHER);
        form.setDescription(followUp.comment() == null ? getTranslation("feedback.kind." + followUp.kind()) + " " + followUp.score()
                : followUp.comment());
        new OpenComplaintDialog(complaints, customers, customers.get(followUp.customerId()), form, opened -> {
            try {
                feedback.linkComplaint(followUp.id(), followUp.version(), opened.id());
            } catch (ConcurrentEditException e) {
                Notifications.error(getTranslation("loop.changed-meanwhile"));
            }
            ComplaintView.open(opened.id());
        }).open();
    }

    @Override
    public String titleKey() {
        return "nav.loop";
    }

    private boolean late(LoopFollowUp f) {
        return clock.instant().isAfter(f.dueAt());
    }

    /** Open: on time or late; closed: its outcome. */
    private String state(LoopFollowUp f) {
        return getTranslation(!f.open() ? "loop.outcome." + f.outcome() : late(f) ? "complaint.sla.BREACHED" : "complaint.sla.ON_TRACK");
    }

    private static final int EXPORT_PAGE = 5_000;

    /** The worklist as on screen, in the user's language. */
    private void export(TableWriter.Format format, OutputStream out) {
        boolean open = openOnly.getValue();
        try (TableWriter writer = TableWriter.of(format, out, getTranslation("nav.loop"))) {
            writer.row(List.of(getTranslation("loop.opened"), getTranslation("complaint.customer"), getTranslation("loop.answer"),
                    getTranslation("feedback.comment"), getTranslation("complaint.due"), getTranslation("complaint.status")));
            Pages.forEach(EXPORT_PAGE, (offset, limit) -> feedback.followUps(open, offset, limit),
                    f -> writer.row(Arrays.asList(Formats.dateTime(f.openedAt(), getLocale()),
                            f.customerId() == null ? getTranslation("loop.anonymous") : f.customerName(),
                            getTranslation("feedback.kind." + f.kind()) + " " + f.score(), f.comment(), Formats.dateTime(f.dueAt(), getLocale()),
                            state(f))));
        }
    }
}
