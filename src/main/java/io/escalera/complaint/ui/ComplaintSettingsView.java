package io.escalera.complaint.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.complaint.ComplaintSettings;
import io.escalera.complaint.Severity;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.CompanyWideRules;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

import java.util.EnumMap;
import java.util.Map;

/** MANAGER and ADMIN: SLA targets per severity, the STAFF compensation limit and the "due soon" window. */
@Route("complaints/settings")
@Menu(title = "nav.complaint-settings", order = 18, icon = "vaadin:timer")
@RolesAllowed({"MANAGER", "ADMIN"})
public class ComplaintSettingsView extends VerticalLayout implements LocalizedTitle {

    private final Map<Severity, IntegerField> response = new EnumMap<>(Severity.class);
    private final Map<Severity, IntegerField> resolution = new EnumMap<>(Severity.class);

    public ComplaintSettingsView(ComplaintSettings settings) {
        ComplaintSettings.Rules rules = settings.rules();
        FormLayout targets = new FormLayout();
        targets.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        for (Severity severity : Severity.values()) {
            IntegerField first = hours(getTranslation("complaint-settings.response", getTranslation("complaint.severity." + severity)),
                    rules.responseHours().get(severity));
            first.setId("response-" + severity);
            IntegerField resolved = hours(getTranslation("complaint-settings.resolution", getTranslation("complaint.severity." + severity)),
                    rules.resolutionHours().get(severity));
            resolved.setId("resolution-" + severity);
            response.put(severity, first);
            resolution.put(severity, resolved);
            targets.add(first, resolved);
        }
        BigDecimalField limit = new BigDecimalField(getTranslation("complaint-settings.staff-limit"));
        limit.setId("staff-limit");
        limit.setValue(rules.staffLimit());
        IntegerField dueSoon = hours(getTranslation("complaint-settings.due-soon"), rules.dueSoonHours());
        dueSoon.setId("due-soon");
        FormLayout other = new FormLayout(limit, dueSoon);
        Button save = new Button(getTranslation("action.save"), e -> {
            Map<Severity, Integer> responseHours = new EnumMap<>(Severity.class);
            Map<Severity, Integer> resolutionHours = new EnumMap<>(Severity.class);
            response.forEach((s, f) -> responseHours.put(s, f.getValue()));
            resolution.forEach((s, f) -> resolutionHours.put(s, f.getValue()));
            try {
                settings.save(new ComplaintSettings.Rules(responseHours, resolutionHours, limit.getValue(),
                        dueSoon.getValue() == null ? 0 : dueSoon.getValue()));
                Notifications.success(getTranslation("settings.saved"));
            } catch (FieldErrorsException ex) {
                ex.errors().forEach(error -> {
                    var field = switch (error.field()) {
                        case "staffLimit" -> (HasValidation) limit;
                        case "dueSoonHours" -> dueSoon;
                        default -> error.field().startsWith("response-")
                                ? response.get(Severity.valueOf(error.field().substring(9)))
                                : resolution.get(Severity.valueOf(error.field().substring(11)));
                    };
                    field.setInvalid(true);
                    field.setErrorMessage(getTranslation(error.messageKey()));
                });
            }
        });
        save.setId("complaint-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("complaint-settings.sla")), targets, new H3(getTranslation("complaint-settings.other")), other, save);
        CompanyWideRules.readOnlyUnlessAdmin(this, save);
    }

    private static IntegerField hours(String label, Integer value) {
        IntegerField field = new IntegerField(label);
        field.setValue(value);
        field.setMin(1);
        field.setStepButtonsVisible(true);
        field.setSuffixComponent(new Span("h"));
        return field;
    }

    @Override
    public String titleKey() {
        return "nav.complaint-settings";
    }
}
