package io.escalera.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.function.Consumer;

/** A list screen's toolbar: one search box (filters as you type) and an optional "new" button. */
public class SearchToolbar extends HorizontalLayout {

    private final TextField search = new TextField();

    public SearchToolbar(String placeholderKey, Consumer<String> onSearch) {
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        search.setPlaceholder(getTranslation(placeholderKey));
        search.setAriaLabel(getTranslation(placeholderKey));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        search.addValueChangeListener(e -> onSearch.accept(e.getValue()));
        add(search);
    }

    public Button addNewButton(String labelKey, Runnable onClick) {
        Button add = new Button(getTranslation(labelKey), VaadinIcon.PLUS.create(), e -> onClick.run());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-button");
        addToEnd(add);
        return add;
    }

    public TextField searchField() {
        return search;
    }
}
