package io.escalera.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NamedEntry;

import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A company-wide name list to keep (contact reasons, root causes): each entry's name is edited in place, and an
 * entry is retired or restored, never deleted. The view adds its own columns between the name and the status, then
 * {@link #addStatusColumns()}; its "add" form saves through {@link #save} so that errors show the same way.
 */
public class NameListGrid<T extends NamedEntry> extends Grid<T> {

    private final BiConsumer<T, Boolean> retire;
    private final Runnable refresh;

    /**
     * @param rename   saves a new name (the service checks it)
     * @param retire   retires ({@code true}) or restores an entry
     * @param indented entries shown one level in (sub-entries)
     * @param refresh  reloads the items (and whatever else the view shows of them) after a change
     */
    public NameListGrid(String nameHeaderKey, BiConsumer<T, String> rename, BiConsumer<T, Boolean> retire, Predicate<T> indented,
                        Runnable refresh) {
        this.retire = retire;
        this.refresh = refresh;
        addComponentColumn(entry -> {
            TextField field = new TextField();
            field.setValue(entry.name());
            field.setWidthFull();
            if (indented.test(entry)) {
                field.getStyle().set("padding-left", "var(--lumo-space-l)");
            }
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    save(() -> rename.accept(entry, e.getValue()), field);
                }
            });
            return field;
        }).setHeader(getTranslation(nameHeaderKey)).setFlexGrow(3);
    }

    /** The entry's status and the button that retires or restores it. */
    public void addStatusColumns() {
        addColumn(entry -> getTranslation(entry.retired() ? "reasons.retired" : "reasons.active")).setHeader(getTranslation("reasons.status"));
        addComponentColumn(entry -> new Button(getTranslation(entry.retired() ? "reasons.restore" : "reasons.retire"),
                e -> save(() -> retire.accept(entry, !entry.retired()), null)));
    }

    /**
     * Runs a change of the list: says so and reloads; a refused name shows its reason on {@code field} (what was typed
     * stays), a concurrent edit says that someone else changed the entry and reloads.
     *
     * @return whether the change was saved
     */
    public boolean save(Runnable change, TextField field) {
        try {
            change.run();
            Notifications.success(getTranslation("reasons.saved"));
        } catch (FieldErrorsException e) {
            if (field != null) {
                field.setErrorMessage(getTranslation(e.errors().getFirst().messageKey()));
                field.setInvalid(true);
            }
            return false;
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("conflict.title"));
            refresh.run();
            return false;
        }
        refresh.run();
        return true;
    }
}
