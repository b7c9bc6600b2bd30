package io.escalera.value.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.BackgroundWork;
import io.escalera.shared.ui.CompanyWideRules;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.value.ValueRules;
import io.escalera.value.ValueService;
import jakarta.annotation.security.RolesAllowed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MANAGER and ADMIN: the value and early-warning numbers — margin, discount rate, horizon and maximum age of the
 * strategic value, the risk threshold, the silence after a complaint, and the weight of each warning signal. Saving
 * recomputes every customer (in the background, with a progress bar).
 */
@Route("value/rules")
@Menu(title = "nav.value-rules", order = 21.9, icon = "vaadin:sliders")
@RolesAllowed({"MANAGER", "ADMIN"})
public class ValueRulesView extends VerticalLayout implements LocalizedTitle {

    private final BigDecimalField margin = decimal("marginRate");
    private final BigDecimalField discount = decimal("discountRate");
    private final Map<String, IntegerField> numbers = new LinkedHashMap<>();
    private final ProgressBar progress = new ProgressBar();

    public ValueRulesView(ValueService values) {
        for (String name : new String[]{"horizonYears", "maxAge", "riskThreshold", "silenceDays", "overdueWeight",
                "frequencyWeight", "spendWeight", "lowScoreWeight", "pastSlaWeight", "silenceWeight", "unansweredWeight"}) {
            IntegerField field = new IntegerField(getTranslation("value-rules." + name));
            field.setId(name);
            field.setStepButtonsVisible(true);
            numbers.put(name, field);
        }
        fill(values.rules());
        progress.setVisible(false);
        Button save = new Button(getTranslation("value-rules.save"));
        save.setId("value-rules-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            clearErrors();
            ValueRules rules = read();
            try {
                values.checkRules(rules);
            } catch (FieldErrorsException invalid) {
                show(invalid);
                return;
            }
            save.setEnabled(false);
            BackgroundWork.start(progress, () -> {
                values.saveRules(rules);
                return rules;
            }, saved -> {
                save.setEnabled(true);
                Notification.show(getTranslation("value-rules.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }, error -> {
                save.setEnabled(true);
                if (error instanceof FieldErrorsException invalid) {
                    show(invalid);
                } else {
                    Notification.show(getTranslation("value.work-failed")).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
        });
        FormLayout strategic = new FormLayout(margin, discount, numbers.get("horizonYears"), numbers.get("maxAge"));
        FormLayout risk = new FormLayout(numbers.get("riskThreshold"), numbers.get("silenceDays"));
        FormLayout weights = new FormLayout();
        numbers.forEach((name, field) -> {
            if (name.endsWith("Weight")) weights.add(field);
        });
        add(new Paragraph(getTranslation("value-rules.help")), new H3(getTranslation("value.strategic")), strategic,
                new H3(getTranslation("value-rules.risk")), risk, new H3(getTranslation("value-rules.weights-title")), weights,
                save, progress);
        CompanyWideRules.readOnlyUnlessAdmin(this, save);
    }

    private void fill(ValueRules r) {
        margin.setValue(r.marginRate());
        discount.setValue(r.discountRate());
        int[] values = {r.horizonYears(), r.maxAge(), r.riskThreshold(), r.silenceDays(), r.overdueWeight(), r.frequencyWeight(),
                r.spendWeight(), r.lowScoreWeight(), r.pastSlaWeight(), r.silenceWeight(), r.unansweredWeight()};
        int i = 0;
        for (IntegerField field : numbers.values()) {
            field.setValue(values[i++]);
        }
    }

    private ValueRules read() {
        return new ValueRules(margin.getValue(), discount.getValue(), value("horizonYears"), value("maxAge"),
                value("riskThreshold"), value("silenceDays"), value("overdueWeight"), value("frequencyWeight"),
                value("spendWeight"), value("lowScoreWeight"), value("pastSlaWeight"), value("silenceWeight"),
                value("unansweredWeight"));
    }

    private int value(String name) {
        Integer value = numbers.get(name).getValue();
        return value == null ? -1 : value;
    }

    private void clearErrors() {
        margin.setInvalid(false);
        discount.setInvalid(false);
        numbers.values().forEach(f -> f.setInvalid(false));
    }

    private void show(FieldErrorsException errors) {
        errors.errors().forEach(error -> {
            HasValidation field = switch (error.field()) {
                case "marginRate" -> margin;
                case "discountRate" -> discount;
                default -> numbers.getOrDefault(error.field(), numbers.get("overdueWeight"));
            };
            field.setErrorMessage(getTranslation(error.messageKey()));
            field.setInvalid(true);
        });
    }

    private BigDecimalField decimal(String id) {
        BigDecimalField field = new BigDecimalField(getTranslation("value-rules." + id));
        field.setId(id);
        field.setHelperText(getTranslation("value-rules.rate-help"));
        return field;
    }

    @Override
    public String titleKey() {
        return "nav.value-rules";
    }
}
