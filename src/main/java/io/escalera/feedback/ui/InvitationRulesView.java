package io.escalera.feedback.ui;

import io.escalera.shared.ui.CompanyWideRules;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.feedback.InvitationRules;
import io.escalera.feedback.InvitationService;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;

/** MANAGER and ADMIN: when surveys go out by themselves, the contact cap, the reminder and the follow-up SLA. */
@Route("feedback/rules")
@Menu(title = "nav.invitation-rules", order = 21, icon = "vaadin:calendar-clock")
@RolesAllowed({"MANAGER", "ADMIN"})
public class InvitationRulesView extends VerticalLayout implements LocalizedTitle {

    public InvitationRulesView(InvitationService invitations) {
        InvitationRules rules = invitations.rules();
        Checkbox afterDelivery = new Checkbox(getTranslation("invitation-rules.after-delivery"), rules.afterDelivery());
        Checkbox afterResolution = new Checkbox(getTranslation("invitation-rules.after-resolution"), rules.afterResolution());
        IntegerField relationship = field("invitation-rules.relationship-months", rules.relationshipMonths());
        IntegerField cap = field("invitation-rules.contact-cap-days", rules.contactCapDays());
        IntegerField reminder = field("invitation-rules.reminder-days", rules.reminderDays());
        IntegerField expiry = field("invitation-rules.expiry-days", rules.expiryDays());
        IntegerField sla = field("invitation-rules.follow-up-sla-hours", rules.followUpSlaHours());
        Map<String, HasValidation> fields = Map.of("relationshipMonths", relationship, "contactCapDays", cap,
                "reminderDays", reminder, "expiryDays", expiry, "followUpSlaHours", sla);
        Button save = new Button(getTranslation("action.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                invitations.saveRules(new InvitationRules(afterDelivery.getValue(), afterResolution.getValue(),
                        value(relationship), value(cap), value(reminder), value(expiry), value(sla)));
                Notifications.success(getTranslation("settings.saved"));
            } catch (FieldErrorsException ex) {
                ex.errors().forEach(error -> {
                    HasValidation field = fields.get(error.field());
                    field.setInvalid(true);
                    field.setErrorMessage(getTranslation(error.messageKey()));
                });
            }
        });
        save.setId("invitation-rules-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(afterDelivery, afterResolution, new FormLayout(relationship, cap, reminder, expiry, sla), save);
        CompanyWideRules.readOnlyUnlessAdmin(this, save);
    }

    private IntegerField field(String key, int value) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setValue(value);
        field.setMin(0);
        field.setStepButtonsVisible(true);
        return field;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    @Override
    public String titleKey() {
        return "nav.invitation-rules";
    }
}
