package io.escalera.admin.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import io.escalera.admin.Unit;
import io.escalera.admin.UnitForm;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Notifications;

import java.util.List;

/** Create or edit a unit; a region may contain stores and other units. */
class UnitDialog extends Dialog {

    private final UnitService units;
    private final BeanValidationBinder<UnitForm> binder = new BeanValidationBinder<>(UnitForm.class);
    private final Runnable onSaved;
    private Unit unit;

    UnitDialog(UnitService units, Unit unit, Runnable onSaved) {
        this.units = units;
        this.unit = unit;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(unit == null ? "units.new" : "units.edit"));
        setWidth("min(36rem, 95vw)");

        TextField code = new TextField(getTranslation("unit.code"));
        code.setId("unit-code");
        TextField name = new TextField(getTranslation("unit.name"));
        name.setId("unit-name");
        Select<UnitKind> kind = new Select<>();
        kind.setLabel(getTranslation("unit.kind"));
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("unit.kind." + k));
        List<Unit> regions = units.all().stream().filter(u -> u.kind() == UnitKind.REGION)
                .filter(u -> unit == null || u.id() != unit.id()).toList();
        ComboBox<Unit> parent = new ComboBox<>(getTranslation("unit.parent"));
        parent.setItems(regions);
        parent.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        parent.setClearButtonVisible(true);

        binder.forField(code).bind("code");
        binder.forField(name).bind("name");
        binder.forField(kind).bind("kind");
        binder.forField(parent)
                .withConverter(u -> u == null ? null : u.id(),
                        id -> id == null ? null : regions.stream().filter(r -> r.id() == id).findFirst().orElse(null))
                .bind("parentId");
        binder.readBean(unit == null ? new UnitForm() : UnitForm.of(unit));

        FormLayout form = new FormLayout(code, name, kind, parent);
        add(form);
        Button save = new Button(getTranslation("action.save"), e -> save());
        save.setId("unit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void save() {
        UnitForm form = unit == null ? new UnitForm() : UnitForm.of(unit);
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return;
        }
        store(form);
    }

    private void store(UnitForm form) {
        boolean saved = FormSave.attempt(binder, this,
                () -> {
                    if (unit == null) {
                        units.create(form);
                    } else {
                        units.update(unit.id(), form);
                    }
                },
                () -> units.get(unit.id()).ifPresent(fresh -> {
                    unit = fresh;
                    binder.readBean(UnitForm.of(fresh));
                }),
                () -> units.get(unit.id()).ifPresent(fresh -> {
                    unit = fresh;
                    form.setVersion(fresh.version());
                    store(form);
                }));
        if (saved) {
            Notifications.success(getTranslation("units.saved", form.getCode()));
            onSaved.run();
            close();
        }
    }
}
