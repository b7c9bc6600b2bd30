package io.escalera.value.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.i18n.I18NProvider;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerPageSection;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Formats;
import io.escalera.value.CustomerValue;
import io.escalera.value.MarketValueForm;
import io.escalera.value.ValueService;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * The customer's value on the 360: economic value with its parts (why a big buyer may be worth little), strategic
 * value with its inputs, tier and RFM, the risk score with its reasons in words, and market value as staff know it.
 */
@org.springframework.stereotype.Component
class ValueSection implements CustomerPageSection {

    private final ValueService values;
    private final SignedInUsers signedIn;
    private final GeneralSettingsService settings;
    private final I18NProvider i18n;

    ValueSection(ValueService values, SignedInUsers signedIn, GeneralSettingsService settings, I18NProvider i18n) {
        this.values = values;
        this.signedIn = signedIn;
        this.settings = settings;
        this.i18n = i18n;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(CustomerDetails customer) {
        VerticalLayout section = new VerticalLayout();
        section.setId("customer-value");
        section.setPadding(false);
        section.setSpacing(false);
        section.add(new H3(section.getTranslation("value.section")));
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        Currency currency = settings.currency();
        CustomerValue value = values.of(customer.id()).orElse(null);
        if (value == null) {
            section.add(new Span(section.getTranslation("value.not-computed")));
        } else {
            section.add(economic(section, value, currency, locale), strategic(section, value, currency, locale), risk(section, value, locale));
        }
        section.add(market(section, customer));
        return section;
    }

    private Component economic(Component t, CustomerValue v, Currency currency, Locale locale) {
        Div parts = new Div();
        parts.setId("value-parts");
        parts.addClassName("customer-facts");
        part(parts, t, "value.part.net-sales", v.netSales(), currency, locale, false);
        part(parts, t, v.costEstimated().signum() > 0 ? "value.part.cost-of-goods-estimated" : "value.part.cost-of-goods",
                v.costOfGoods(), currency, locale, true);
        part(parts, t, "value.part.returns", v.returns(), currency, locale, true);
        part(parts, t, "value.part.compensation", v.compensation(), currency, locale, true);
        part(parts, t, "value.part.cost-to-serve", v.costToServe(), currency, locale, true);
        Span total = new Span(Formats.money(v.economicValue(), currency, locale));
        total.setId("value-economic");
        Details details = new Details(new Span(new Span(t.getTranslation("value.economic") + ": "), total), parts);
        details.setOpened(true);
        return details;
    }

    private static void part(Div parts, Component t, String key, BigDecimal amount, Currency currency, Locale locale, boolean minus) {
        Div fact = new Div(new Span(t.getTranslation(key)),
                new Span((minus && amount.signum() != 0 ? "− " : "") + Formats.money(amount, currency, locale)));
        fact.addClassName("fact");
        parts.add(fact);
    }

    private Component strategic(Component t, CustomerValue v, Currency currency, Locale locale) {
        Span strategic = new Span(Formats.money(v.strategicValue(), currency, locale));
        strategic.setId("value-strategic");
        Span inputs = new Span(t.getTranslation("value.strategic.inputs", Formats.money(v.yearlyMargin(), currency, locale),
                Formats.percent(v.retention().doubleValue(), locale), v.horizonYears(),
                Formats.percent(values.rules().discountRate().doubleValue(), locale)));
        inputs.addClassName("hint");
        Span tier = new Span(v.tier() == null ? t.getTranslation("value.no-purchases")
                : v.tier() + " · " + t.getTranslation("value.tier." + v.tier()));
        tier.setId("value-tier");
        Span rfm = new Span(v.rfmSegment() == null ? "—" : t.getTranslation("rfm." + v.rfmSegment()) + " (R" + v.recencyScore()
                + " F" + v.frequencyScore() + " M" + v.monetaryScore() + ")");
        rfm.setId("value-rfm");
        VerticalLayout box = new VerticalLayout(
                new HorizontalLayout(new Span(t.getTranslation("value.strategic") + ":"), strategic, inputs),
                new HorizontalLayout(new Span(t.getTranslation("value.header.tier") + ":"), tier),
                new HorizontalLayout(new Span(t.getTranslation("value.header.rfm") + ":"), rfm),
                new Span(t.getTranslation("value.computed-on", Formats.date(v.computedOn(), locale))));
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    private Component risk(Component t, CustomerValue v, Locale locale) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        Span score = new Span(v.riskScore() == null ? t.getTranslation("value.risk.inactive")
                : v.riskScore() + " · " + t.getTranslation(v.atRisk() ? (v.silent() ? "value.risk.silent" : "value.risk.at-risk") : "value.risk.watch"));
        score.setId("value-risk");
        box.add(new HorizontalLayout(new Span(t.getTranslation("value.header.risk") + ":"), score));
        if (!v.riskReasons().isEmpty()) {
            UnorderedList reasons = new UnorderedList();
            reasons.setId("value-risk-reasons");
            v.riskReasons().forEach(reason -> reasons.add(new ListItem(RiskReasonText.describe(reason, locale, i18n))));
            box.add(reasons);
        }
        return box;
    }

    private Component market(Component t, CustomerDetails customer) {
        MarketValueForm form = new MarketValueForm();
        values.marketValue(customer.id()).ifPresent(form::fill);
        IntegerField share = new IntegerField(t.getTranslation("value.market.share"));
        share.setId("market-share");
        share.setMin(0);
        share.setMax(100);
        share.setSuffixComponent(new Span("%"));
        IntegerField pressure = new IntegerField(t.getTranslation("value.market.pressure"));
        pressure.setId("market-pressure");
        pressure.setMin(1);
        pressure.setMax(5);
        pressure.setStepButtonsVisible(true);
        pressure.setHelperText(t.getTranslation("value.market.pressure-help"));
        BeanValidationBinder<MarketValueForm> binder = new BeanValidationBinder<>(MarketValueForm.class);
        binder.forField(share).bind("shareOfWallet");
        binder.forField(pressure).bind("competitivePressure");
        binder.readBean(form);
        HorizontalLayout row = new HorizontalLayout(share, pressure);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        boolean mayEdit = signedIn.authenticated().map(u -> u.role() != Role.EXECUTIVE).orElse(false);
        share.setReadOnly(!mayEdit);
        pressure.setReadOnly(!mayEdit);
        if (mayEdit) {
            Button save = new Button(t.getTranslation("value.market.save"));
            save.setId("market-save");
            save.addClickListener(e -> {
                if (!binder.writeBeanIfValid(form)) {
                    return;
                }
                Runnable store = () -> {
                    var saved = values.saveMarketValue(customer.id(), form);
                    form.setVersion(saved.version());
                };
                if (FormSave.attempt(binder, row, store, () -> {
                    values.marketValue(customer.id()).ifPresent(form::fill);
                    binder.readBean(form);
                }, () -> {
                    values.marketValue(customer.id()).ifPresent(m -> form.setVersion(m.version()));
                    store.run();
                })) {
                    Notification.show(t.getTranslation("value.market.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
            });
            row.add(save);
        }
        return new VerticalLayout(new Span(t.getTranslation("value.market")), row);
    }
}
