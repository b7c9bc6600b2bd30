package io.escalera.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.feedback.InvitationService;
import io.escalera.feedback.OutboxEntry;
import io.escalera.feedback.SurveyLink;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;

import java.util.stream.Collectors;

/**
 * Survey invitations not answered yet: what went out by e-mail, and what waits to be handed over when there is no
 * e-mail (or no mail server). Copy a fresh link, or send it again.
 */
@Route("feedback/outbox")
@Menu(title = "nav.outbox", order = 20, icon = "vaadin:envelopes-o")
@RolesAllowed({"STAFF", "MANAGER"})
public class OutboxView extends VerticalLayout implements LocalizedTitle {

    private final InvitationService invitations;
    private final String publicUrl;
    private final Grid<OutboxEntry> grid = new Grid<>();

    public OutboxView(InvitationService invitations, @Value("${escalera.public-url}") String publicUrl) {
        this.invitations = invitations;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        setSizeFull();
        grid.setId("outbox-grid");
        grid.addColumn(o -> Formats.dateTime(o.createdAt(), getLocale())).setHeader(getTranslation("outbox.created")).setAutoWidth(true);
        grid.addColumn(OutboxEntry::customerName).setHeader(getTranslation("complaint.customer")).setAutoWidth(true);
        grid.addColumn(o -> o.email() == null ? getTranslation("outbox.no-email") : o.email()).setHeader(getTranslation("customer.email")).setAutoWidth(true);
        grid.addColumn(o -> o.kinds().stream().map(Enum::name).collect(Collectors.joining(" + "))).setHeader(getTranslation("survey.link.kinds")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("outbox.origin." + o.origin())).setHeader(getTranslation("outbox.origin")).setAutoWidth(true);
        grid.addColumn(o -> o.sentAt() == null ? (o.lastError() == null ? getTranslation("outbox.waiting") : getTranslation("outbox.failed", o.lastError()))
                : getTranslation(o.remindedAt() == null ? "outbox.sent" : "outbox.reminded", Formats.dateTime(o.remindedAt() == null ? o.sentAt() : o.remindedAt(), getLocale())))
                .setHeader(getTranslation("complaint.status")).setFlexGrow(2);
        grid.addComponentColumn(o -> {
            Button copy = new Button(getTranslation("outbox.copy-link"), VaadinIcon.LINK.create(), e -> showLink(invitations.handOver(o.id())));
            copy.setId("outbox-link-" + o.id());
            copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button resend = new Button(getTranslation("outbox.resend"), VaadinIcon.ENVELOPE_O.create(), e -> {
                if (invitations.resend(o.id())) {
                    Notifications.success(getTranslation("outbox.resent"));
                } else {
                    Notifications.error(getTranslation("outbox.not-sent"));
                }
                grid.getDataProvider().refreshAll();
            });
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
            resend.setEnabled(o.email() != null);
            return new HorizontalLayout(copy, resend);
        }).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("outbox.empty"));
        grid.setItems(query -> invitations.outbox(query.getOffset(), query.getLimit()).stream());
        grid.setSizeFull();
        add(new Paragraph(getTranslation("outbox.help")), grid);
    }

    private void showLink(SurveyLink link) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("survey.link"));
        TextField url = new TextField(getTranslation("survey.link.url"));
        url.setId("outbox-url");
        url.setReadOnly(true);
        url.setWidth("36rem");
        url.setValue(publicUrl + link.path());
        Button copy = new Button(getTranslation("survey.link.copy"), VaadinIcon.COPY.create(),
                e -> e.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url.getValue()));
        dialog.add(new VerticalLayout(url, new Paragraph(getTranslation("outbox.link-replaces")), copy));
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String titleKey() {
        return "nav.outbox";
    }
}
