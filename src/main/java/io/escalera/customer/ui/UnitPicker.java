package io.escalera.customer.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.escalera.customer.CustomerService;
import io.escalera.security.UnitDirectory;

/**
 * The unit filter of reports and worklists: one unit (with the units below it), or the user's own units, or — for
 * those allowed to widen — all units.
 */
public class UnitPicker extends HorizontalLayout {

    private final ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>();
    private final Checkbox allUnits = new Checkbox();

    public UnitPicker(CustomerService customers, String idPrefix) {
        unit.setId(idPrefix + "-unit");
        unit.setPlaceholder(getTranslation("customers.filter.unit"));
        unit.setAriaLabel(getTranslation("customers.filter.unit"));
        unit.setItems(customers.selectableUnits());
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        unit.setClearButtonVisible(true);
        allUnits.setId(idPrefix + "-all-units");
        allUnits.setLabel(getTranslation("filter.all-units"));
        allUnits.setVisible(customers.mayWidenToAllUnits());
        setPadding(false);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(unit, allUnits);
    }

    /** The chosen unit, or null for the user's own units (or all, when widened). */
    public Long unitId() {
        return unit.getValue() == null ? null : unit.getValue().id();
    }

    public boolean allUnits() {
        return allUnits.getValue();
    }

    public void addChangeListener(Runnable listener) {
        unit.addValueChangeListener(e -> listener.run());
        allUnits.addValueChangeListener(e -> listener.run());
    }
}
