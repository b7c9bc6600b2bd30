package io.escalera.kpi.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.escalera.customer.SalesChannel;
import io.escalera.interaction.InteractionChannel;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.ui.Selects;
import io.escalera.value.ValueTier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The boards' period (a month, quarter, year or custom days) and filter (unit, channel, value tier, all units). */
class KpiFilterBar extends HorizontalLayout {

    private final Select<KpiPeriod.Kind> periodKind = new Select<>();
    private final DatePicker periodDay = new DatePicker();
    private final DatePicker periodTo = new DatePicker();
    private final ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>();
    private final Select<String> channel;
    private final Select<String> tier;
    private final Checkbox allUnits = new Checkbox();

    KpiFilterBar(List<UnitDirectory.UnitRef> units, boolean mayWidenToAllUnits, Clock clock, Runnable changed) {
        periodKind.setId("kpi-period-kind");
        periodKind.setLabel(getTranslation("kpi.period"));
        periodKind.setItems(KpiPeriod.Kind.values());
        periodKind.setItemLabelGenerator(k -> getTranslation("kpi.period." + k));
        periodKind.setValue(KpiPeriod.Kind.MONTH);
        periodDay.setId("kpi-period-day");
        periodDay.setLabel(getTranslation("kpi.period.day"));
        periodDay.setValue(LocalDate.now(clock));
        periodTo.setId("kpi-period-to");
        periodTo.setLabel(getTranslation("kpi.period.to"));
        periodTo.setValue(LocalDate.now(clock));
        periodTo.setVisible(false);
        unit.setId("kpi-unit");
        unit.setLabel(getTranslation("customers.filter.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        unit.setClearButtonVisible(true);
        Set<String> channels = new LinkedHashSet<>();
        for (SalesChannel c : SalesChannel.values()) channels.add(c.name());
        for (InteractionChannel c : InteractionChannel.values()) channels.add(c.name());
        channel = Selects.anyOf(channels.toArray(String[]::new), c -> getTranslation("channel." + c), getTranslation("ladder-reports.any-channel"));
        channel.setId("kpi-channel");
        channel.setLabel(getTranslation("kpi.channel"));
        tier = Selects.anyOf(Arrays.stream(ValueTier.values()).map(Enum::name).toArray(String[]::new),
                t -> getTranslation(ValueTier.valueOf(t).labelKey()), getTranslation("kpi.any-tier"));
        tier.setId("kpi-tier");
        tier.setLabel(getTranslation("kpi.tier"));
        tier.setTooltipText(getTranslation("kpi.tier.help"));
        allUnits.setLabel(getTranslation("filter.all-units"));
        allUnits.setVisible(mayWidenToAllUnits);
        add(periodKind, periodDay, periodTo, unit, channel, tier, allUnits);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        periodKind.addValueChangeListener(e -> {
            boolean custom = e.getValue() == KpiPeriod.Kind.CUSTOM;
            periodDay.setLabel(getTranslation(custom ? "kpi.period.from" : "kpi.period.day"));
            periodTo.setVisible(custom);
            changed.run();
        });
        List.of(periodDay, periodTo).forEach(p -> p.addValueChangeListener(e -> changed.run()));
        unit.addValueChangeListener(e -> changed.run());
        channel.addValueChangeListener(e -> changed.run());
        tier.addValueChangeListener(e -> changed.run());
        allUnits.addValueChangeListener(e -> changed.run());
    }

    /** The chosen period; null when a custom period ends before it starts or a day is missing (marked on the field). */
    KpiPeriod period() {
        KpiPeriod period = chosenPeriod();
        periodTo.setInvalid(period == null && periodKind.getValue() == KpiPeriod.Kind.CUSTOM);
        periodTo.setErrorMessage(getTranslation("ladder-reports.period-order"));
        return period;
    }

    private KpiPeriod chosenPeriod() {
        LocalDate day = periodDay.getValue();
        if (day == null) {
            return null;
        }
        if (periodKind.getValue() == KpiPeriod.Kind.CUSTOM) {
            LocalDate to = periodTo.getValue();
            return to == null || to.isBefore(day) ? null : KpiPeriod.custom(day, to);
        }
        return KpiPeriod.of(periodKind.getValue(), day);
    }

    KpiFilter filter() {
        return new KpiFilter(unit.getValue() == null ? null : unit.getValue().id(), allUnits.getValue(), channel.getValue(),
                tier.getValue() == null ? null : ValueTier.valueOf(tier.getValue()));
    }

    /** The chosen tier's name, or null (every tier). */
    String tierName() {
        return tier.getValue();
    }
}
