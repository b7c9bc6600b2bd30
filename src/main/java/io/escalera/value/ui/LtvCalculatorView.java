package io.escalera.value.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The simple lifetime value calculator of the article: average spend per visit × visits per year × years. The
 * placeholders are its example (25 a week for 20 years: 26,000); the result follows what is typed.
 */
@Route("value/ltv")
@Menu(title = "nav.ltv", order = 21.8, icon = "vaadin:calc")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class LtvCalculatorView extends VerticalLayout implements LocalizedTitle {

    private final BigDecimalField spend = new BigDecimalField();
    private final IntegerField visits = new IntegerField();
    private final IntegerField years = new IntegerField();
    private final Span result = new Span();
    private final Currency currency;

    public LtvCalculatorView(GeneralSettingsService settings) {
        this.currency = settings.currency();
        spend.setId("ltv-spend");
        spend.setLabel(getTranslation("value.ltv.spend"));
        spend.setPlaceholder("25");
        visits.setId("ltv-visits");
        visits.setLabel(getTranslation("value.ltv.visits"));
        visits.setPlaceholder("52");
        visits.setMin(0);
        years.setId("ltv-years");
        years.setLabel(getTranslation("value.ltv.years"));
        years.setPlaceholder("20");
        years.setMin(0);
        result.setId("ltv-result");
        result.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        for (var field : new HasValue<?, ?>[]{spend, visits, years}) {
            field.addValueChangeListener(e -> update());
        }
        spend.setValueChangeMode(ValueChangeMode.EAGER);
        visits.setValueChangeMode(ValueChangeMode.EAGER);
        years.setValueChangeMode(ValueChangeMode.EAGER);
        HorizontalLayout fields = new HorizontalLayout(spend, new Span("×"), visits, new Span("×"), years);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("nav.ltv")), new Paragraph(getTranslation("value.ltv.intro")), fields, result);
        update();
    }

    private void update() {
        boolean example = spend.getValue() == null && visits.getValue() == null && years.getValue() == null;
        BigDecimal perVisit = spend.getValue() != null ? spend.getValue() : example ? new BigDecimal("25") : null;
        Integer perYear = visits.getValue() != null ? visits.getValue() : example ? 52 : null;
        Integer span = years.getValue() != null ? years.getValue() : example ? 20 : null;
        if (perVisit == null || perYear == null || span == null || perVisit.signum() < 0 || perYear < 0 || span < 0) {
            result.setText(getTranslation("value.ltv.incomplete"));
            return;
        }
        String amount = Formats.money(perVisit.multiply(BigDecimal.valueOf((long) perYear * span)), currency, getLocale());
        result.setText(example ? getTranslation("value.ltv.example", amount) : amount);
    }

    @Override
    public String titleKey() {
        return "nav.ltv";
    }
}
