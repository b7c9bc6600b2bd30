package io.escalera.complaint.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.escalera.complaint.CaseAction;
import io.escalera.complaint.Compensation;
import io.escalera.complaint.CompensationService;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintPageAction;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.HistoryEntry;
import io.escalera.complaint.RootCauseService;
import io.escalera.complaint.Severity;
import io.escalera.customer.ui.CustomerView;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A case: its facts, the SLA clock, buttons for the moves the user may make now (only those), compensation and the
 * full history with internal comments. A change made meanwhile by someone else is shown, never overwritten.
 */
@Route("complaints/case")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class ComplaintView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ComplaintService complaints;
    private final CompensationService compensations;
    private final RootCauseService rootCauses;
    private final Currency currency;
    private final ObjectProvider<ComplaintPageAction> pageActions;
    private ComplaintDetails complaint;
    /** What the signed-in user may do on the case as drawn now (buttons, approvals, comments). */
    private Set<CaseAction> allowed = Set.of();
    private long lastSeenHistoryId;

    public ComplaintView(ComplaintService complaints, CompensationService compensations, RootCauseService rootCauses,
                         GeneralSettingsService settings, ObjectProvider<ComplaintPageAction> pageActions) {
        this.complaints = complaints;
        this.compensations = compensations;
        this.pageActions = pageActions;
        this.rootCauses = rootCauses;
        this.currency = settings.currency();
        addClassName("complaint-view");
    }

    /** Navigates to a case page. */
    public static void open(long id) {
        UI.getCurrent().navigate(ComplaintView.class, id);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            complaint = id == null ? null : complaints.get(id);
        } catch (io.escalera.shared.NotFoundException e) {
            complaint = null;
        }
        if (complaint == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    @Override
    public String getPageTitle() {
        return complaint == null ? getTranslation("nav.complaints") : getTranslation("complaint.title", complaint.id()) + " · Escalera";
    }

    private void render() {
        removeAll();
        allowed = complaints.allowedActions(complaint);
        List<HistoryEntry> history = complaints.history(complaint.id());
        lastSeenHistoryId = history.isEmpty() ? 0 : history.getLast().id();
        H2 title = new H2(getTranslation("complaint.title", complaint.id()));
        title.setId("complaint-title");
        Span status = new Span(getTranslation("complaint.status." + complaint.status()));
        status.setId("complaint-status");
        status.getElement().getThemeList().add("badge pill");
        HorizontalLayout heading = new HorizontalLayout(title, status, ComplaintLabels.slaBadge(complaint.sla(), this));
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        add(heading, new RouterLink(complaint.customerName(), CustomerView.class, complaint.customerId()), actions(), facts(),
                new H3(getTranslation("complaint.compensations")),
                new CompensationsGrid(compensations, complaint.id(), currency, allowed.contains(CaseAction.DECIDE_COMPENSATION), this::reload),
                new H3(getTranslation("complaint.history")), commentBox(), historyGrid(history));
    }

    private HorizontalLayout actions() {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        long id = complaint.id();
        long version = complaint.version();
        if (allowed.contains(CaseAction.TAKE)) {
            actions.add(button("take", VaadinIcon.HAND, () -> complaints.take(id, version)));
        }
        if (allowed.contains(CaseAction.ASSIGN)) {
            Button assign = new Button(getTranslation("complaint.action.assign"), VaadinIcon.USER_CHECK.create(), e -> assignDialog());
            assign.setId("action-assign");
            actions.add(assign);
        }
        if (allowed.contains(CaseAction.START)) {
            String key = complaint.status() == ComplaintStatus.WAITING_CUSTOMER ? "resume" : "start";
            actions.add(button(key, VaadinIcon.PLAY, () -> complaints.move(id, version, ComplaintStatus.IN_PROGRESS)));
        }
        if (allowed.contains(CaseAction.WAIT_FOR_CUSTOMER)) {
            actions.add(button("wait", VaadinIcon.PAUSE, () -> complaints.move(id, version, ComplaintStatus.WAITING_CUSTOMER)));
        }
        if (allowed.contains(CaseAction.RESOLVE)) {
            Button resolve = new Button(getTranslation("complaint.action.resolve"), VaadinIcon.CHECK.create(), e -> resolveDialog());
            resolve.setId("action-resolve");
            resolve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
            actions.add(resolve);
        }
        if (allowed.contains(CaseAction.CLOSE)) {
            actions.add(button("close", VaadinIcon.LOCK, () -> complaints.move(id, version, ComplaintStatus.CLOSED)));
        }
        if (allowed.contains(CaseAction.REOPEN)) {
            Button reopen = new Button(getTranslation("complaint.action.reopen"), VaadinIcon.ROTATE_LEFT.create(), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("complaint.reopen.title"),
                        getTranslation("complaint.reopen.text"), getTranslation("complaint.action.reopen"),
                        ok -> act(() -> complaints.move(id, version, ComplaintStatus.REOPENED)));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.open();
            });
            reopen.setId("action-reopen");
            actions.add(reopen);
        }
        if (allowed.contains(CaseAction.COMPENSATE)) {
            Button compensate = new Button(getTranslation("complaint.action.compensate"), VaadinIcon.GIFT.create(), e -> compensationDialog());
            compensate.setId("action-compensate");
            actions.add(compensate);
        }
        if (allowed.contains(CaseAction.CHANGE_SEVERITY)) {
            Select<Severity> severity = new Select<>();
            severity.setId("complaint-change-severity");
            severity.setItems(Severity.values());
            severity.setItemLabelGenerator(s -> getTranslation("complaint.severity." + s));
            severity.setValue(complaint.severity());
            severity.setTooltipText(getTranslation("complaint.severity"));
            severity.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> complaints.changeSeverity(id, version, e.getValue()));
                }
            });
            actions.add(severity);
        }
        pageActions.orderedStream().map(action -> action.create(complaint, () -> {
            complaint = complaints.get(complaint.id());
            render();
        })).filter(Objects::nonNull).forEach(actions::add);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        return actions;
    }

    private Button button(String key, VaadinIcon icon, Supplier<ComplaintDetails> action) {
        Button button = new Button(getTranslation("complaint.action." + key), icon.create(), e -> act(action));
        button.setId("action-" + key);
        return button;
    }

    /** Runs a change; a refusal is explained, a conflict shows what the other person changed. */
    private boolean act(Supplier<ComplaintDetails> action) {
        try {
            complaint = action.get();
            render();
            return true;
        } catch (ActionRefusedException e) {
            Notifications.error(getTranslation(e.messageKey(), translatedArgs(e.args())));
        } catch (ConcurrentEditException e) {
            showConflict(e.changedBy());
        }
        return false;
    }

    private Object[] translatedArgs(Object[] args) {
        Object[] translated = args.clone();
        for (int i = 0; i < translated.length; i++) {
            if (translated[i] instanceof ComplaintStatus s) {
                translated[i] = getTranslation("complaint.status." + s);
            }
        }
        return translated;
    }

    private void showConflict(String changedBy) {
        long seen = lastSeenHistoryId;
        complaint = complaints.get(complaint.id());
        List<HistoryEntry> changes = complaints.history(complaint.id()).stream().filter(h -> h.id() > seen).toList();
        render();
        Dialog dialog = new Dialog();
        dialog.setId("complaint-conflict");
        dialog.setHeaderTitle(getTranslation("conflict.title"));
        VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("complaint.conflict.text", changedBy)));
        changes.forEach(h -> body.add(new Paragraph("• " + describe(h))));
        dialog.add(body);
        dialog.getFooter().add(new Button(getTranslation("action.ok"), e -> dialog.close()));
        dialog.open();
    }

    private Div facts() {
        Div facts = new Div();
        facts.addClassName("customer-facts");
        fact(facts, "complaint.opened-at", Formats.dateTime(complaint.openedAt(), getLocale()) + " · " + complaint.openedByName());
        fact(facts, "complaint.channel", getTranslation("channel." + complaint.channel()));
        fact(facts, "complaint.category", getTranslation("complaint.category." + complaint.category()));
        fact(facts, "complaint.severity", getTranslation("complaint.severity." + complaint.severity()));
        fact(facts, "complaint.order", complaint.orderExternalId());
        fact(facts, "complaint.unit", complaint.unitName());
        fact(facts, "complaint.assignee", complaint.assigneeName());
        fact(facts, "complaint.response-due", Formats.dateTime(complaint.responseDueAt(), getLocale()));
        fact(facts, "complaint.first-response", complaint.firstResponseAt() == null ? null
                : Formats.dateTime(complaint.firstResponseAt(), getLocale()) + " (" + Formats.minutes(complaint.firstResponseMinutes()) + ")");
        fact(facts, "complaint.resolution-due", complaint.pausedSince() != null ? getTranslation("complaint.sla.PAUSED")
                : Formats.dateTime(complaint.resolutionDueAt(), getLocale()));
        fact(facts, "complaint.paused", complaint.pausedMinutes() == 0 ? null : Formats.minutes(complaint.pausedMinutes()));
        fact(facts, "complaint.resolved-at", complaint.resolvedAt() == null ? null
                : Formats.dateTime(complaint.resolvedAt(), getLocale()) + " (" + Formats.minutes(complaint.resolutionMinutes()) + ")");
        fact(facts, "complaint.root-cause", complaint.rootCauseName());
        fact(facts, "complaint.resolution", complaint.resolution());
        fact(facts, "complaint.description", complaint.description());
        if (complaint.reopenedCount() > 0) {
            fact(facts, "complaint.reopened-count", String.valueOf(complaint.reopenedCount()));
        }
        return facts;
    }

    private void fact(Div facts, String labelKey, String value) {
        Div fact = new Div(new Span(getTranslation(labelKey)), new Span(value == null || value.isBlank() ? "—" : value));
        fact.addClassName("fact");
        facts.add(fact);
    }

    private HorizontalLayout commentBox() {
        TextArea comment = new TextArea();
        comment.setId("complaint-comment");
        comment.setPlaceholder(getTranslation("complaint.comment.placeholder"));
        comment.setMaxLength(4000);
        comment.setWidthFull();
        Button add = new Button(getTranslation("complaint.comment.add"), e -> {
            try {
                complaints.comment(complaint.id(), comment.getValue());
                complaint = complaints.get(complaint.id());
                render();
            } catch (FieldErrorsException ex) {
                comment.setInvalid(true);
                comment.setErrorMessage(getTranslation(ex.errors().getFirst().messageKey()));
            }
        });
        add.setId("complaint-comment-add");
        HorizontalLayout box = new HorizontalLayout(comment, add);
        box.setWidthFull();
        box.setAlignItems(FlexComponent.Alignment.END);
        box.setVisible(allowed.contains(CaseAction.COMMENT));
        return box;
    }

    private Grid<HistoryEntry> historyGrid(List<HistoryEntry> history) {
        Grid<HistoryEntry> grid = new Grid<>();
        grid.setId("complaint-history");
        grid.addColumn(h -> Formats.dateTime(h.at(), getLocale())).setHeader(getTranslation("timeline.when")).setAutoWidth(true);
        grid.addColumn(HistoryEntry::actorName).setHeader(getTranslation("complaint.history.who")).setAutoWidth(true);
        grid.addColumn(this::describe).setHeader(getTranslation("timeline.what")).setFlexGrow(4);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(history.reversed());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** A history entry in words, in the user's language. */
    private String describe(HistoryEntry h) {
        return switch (h.kind()) {
            case "CREATED" -> getTranslation("complaint.history.created");
            case "STATUS" -> getTranslation("complaint.history.status", getTranslation("complaint.status." + h.fromValue()),
                    getTranslation("complaint.status." + h.toValue())) + (h.note() == null ? "" : " — " + h.note());
            case "ASSIGNEE" -> getTranslation("complaint.history.assignee", h.fromValue() == null ? "—" : h.fromValue(), h.toValue());
            case "SEVERITY" -> getTranslation("complaint.history.severity", getTranslation("complaint.severity." + h.fromValue()),
                    getTranslation("complaint.severity." + h.toValue()));
            case "SLA_BREACH" -> getTranslation("complaint.history.breach." + h.toValue());
            case "COMPENSATION" -> compensationText(h);
            case "COMMENT" -> getTranslation("complaint.history.comment") + ": " + h.note();
            default -> h.kind();
        };
    }

    /** "Compensation Granted: Voucher €15.00 — reason" (amount and reason from the entry's note). */
    private String compensationText(HistoryEntry h) {
        String[] amountAndReason = h.note() == null ? new String[]{""} : h.note().split(" — ", 2);
        String amount = amountAndReason[0].isEmpty() ? "" : Formats.money(new BigDecimal(amountAndReason[0]), currency, getLocale());
        return getTranslation("complaint.history.compensation", getTranslation("compensation.status." + h.toValue()))
                + ": " + getTranslation("compensation.type." + h.fromValue()) + " " + amount
                + (amountAndReason.length > 1 ? " — " + amountAndReason[1] : "");
    }

    private void assignDialog() {
        long id = complaint.id();
        long version = complaint.version();
        new AssignDialog(complaints.assignableUsers(id), username -> act(() -> complaints.assign(id, version, username))).open();
    }

    private void resolveDialog() {
        long id = complaint.id();
        long version = complaint.version();
        new ResolveDialog(rootCauses, (text, rootCauseId) -> complaints.resolve(id, version, text, rootCauseId),
                resolved -> {
                    complaint = resolved;
                    render();
                },
                refused -> Notifications.error(getTranslation(refused.messageKey(), translatedArgs(refused.args()))),
                this::showConflict).open();
    }

    private void compensationDialog() {
        new CompensationDialog(compensations, complaint.id(), currency, this::reload).open();
    }

    private void reload() {
        complaint = complaints.get(complaint.id());
        render();
    }
}
