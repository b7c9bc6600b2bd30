package io.escalera.shared.ui;

import com.vaadin.flow.component.select.Select;

import java.util.function.Function;

/** Filter selects of the lists: one value or "any …" (empty). */
public final class Selects {

    private Selects() {
    }

    public static <T> Select<T> anyOf(T[] values, Function<T, String> label, String anyCaption) {
        Select<T> select = new Select<>();
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(anyCaption);
        select.setItemLabelGenerator(v -> v == null ? anyCaption : label.apply(v));
        return select;
    }
}
