package io.escalera.loyalty.ui;

import io.escalera.shared.ui.CompanyWideRules;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.loyalty.LadderRules;
import io.escalera.loyalty.LoyaltyService;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;

/**
 * MANAGER and ADMIN: the ladder's numbers. "Preview" shows how many customers the change would move from which stage
 * to which, computed exactly as the recompute will; "Save" applies it to every customer at once.
 */
@Route("loyalty/rules")
@Menu(title = "nav.ladder-rules", order = 22, icon = "vaadin:bar-chart-v")
@RolesAllowed({"MANAGER", "ADMIN"})
public class LadderRulesView extends VerticalLayout implements LocalizedTitle {

    private final IntegerField window = field("ladder-rules.window-days", "windowDays");
    private final IntegerField customer = field("ladder-rules.customer-purchases", "customerPurchases");
    private final IntegerField client = field("ladder-rules.client-purchases", "clientPurchases");
    private final BigDecimalField overdue = new BigDecimalField();
    private final IntegerField promoter = field("ladder-rules.promoter-score", "promoterScore");
    private final IntegerField referral = field("ladder-rules.referral-window-days", "referralWindowDays");
    private final Grid<Map.Entry<String, Long>> moves = new Grid<>();

    public LadderRulesView(LoyaltyService loyalty) {
        overdue.setLabel(getTranslation("ladder-rules.overdue-factor"));
        overdue.setId("overdueFactor");
        LadderRules rules = loyalty.rules();
        window.setValue(rules.windowDays());
        customer.setValue(rules.customerPurchases());
        client.setValue(rules.clientPurchases());
        overdue.setValue(rules.overdueFactor());
        promoter.setValue(rules.promoterScore());
        referral.setValue(rules.referralWindowDays());

        moves.setId("ladder-preview");
        moves.addColumn(e -> describe(e.getKey())).setHeader(getTranslation("ladder-rules.move")).setFlexGrow(2);
        moves.addColumn(e -> Formats.number(e.getValue(), getLocale())).setHeader(getTranslation("ladder-rules.customers")).setAutoWidth(true);
        moves.addThemeVariants(GridVariant.LUMO_COMPACT);
        moves.setEmptyStateText(getTranslation("ladder-rules.nobody-moves"));
        moves.setAllRowsVisible(true);
        moves.setVisible(false);

        Button save = new Button(getTranslation("action.save"));
        save.setId("ladder-rules-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        Button preview = new Button(getTranslation("ladder-rules.preview"), e -> {
            try {
                moves.setItems(List.copyOf(loyalty.preview(read()).entrySet()));
                moves.setVisible(true);
                save.setEnabled(true);
            } catch (FieldErrorsException ex) {
                show(ex);
            }
        });
        preview.setId("ladder-rules-preview");
        save.addClickListener(e -> {
            try {
                int changed = loyalty.saveRules(read());
                Notifications.success(getTranslation("ladder-rules.saved", Formats.number(changed, getLocale())));
                save.setEnabled(false);
                moves.setVisible(false);
            } catch (FieldErrorsException ex) {
                show(ex);
            }
        });
        List.of(window, customer, client, promoter, referral).forEach(f -> f.addValueChangeListener(e -> save.setEnabled(false)));
        overdue.addValueChangeListener(e -> save.setEnabled(false));
        add(new Paragraph(getTranslation("ladder-rules.help")), new FormLayout(window, customer, client, overdue, promoter, referral),
                new HorizontalLayout(preview, save), moves);
        CompanyWideRules.readOnlyUnlessAdmin(this, save);
    }

    private String describe(String move) {
        String[] stages = move.split(">");
        String from = stages[0].equals("-") ? getTranslation("stage.unknown") : getTranslation("stage." + stages[0]);
        return from + " → " + getTranslation("stage." + stages[1]);
    }

    private LadderRules read() {
        return new LadderRules(value(window), value(customer), value(client), overdue.getValue(), value(promoter), value(referral));
    }

    private void show(FieldErrorsException errors) {
        errors.errors().forEach(error -> {
            HasValidation field = switch (error.field()) {
                case "windowDays" -> window;
                case "customerPurchases" -> customer;
                case "clientPurchases" -> client;
                case "overdueFactor" -> overdue;
                case "promoterScore" -> promoter;
                default -> referral;
            };
            field.setInvalid(true);
            field.setErrorMessage(getTranslation(error.messageKey()));
        });
    }

    private IntegerField field(String labelKey, String id) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setStepButtonsVisible(true);
        return field;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    @Override
    public String titleKey() {
        return "nav.ladder-rules";
    }
}
