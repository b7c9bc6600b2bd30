package io.escalera.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import io.escalera.shared.SupportedLanguages;

import java.util.Locale;
import java.util.function.Consumer;

/** English / Español. Changing it re-renders the page in the chosen language. */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect() {
        this(language -> { });
    }

    public LanguageSelect(Consumer<Locale> remember) {
        addClassName("language-select");
        setItems(SupportedLanguages.ALL);
        setItemLabelGenerator(locale -> locale.getDisplayLanguage(locale).substring(0, 1).toUpperCase(locale)
                + locale.getDisplayLanguage(locale).substring(1));
        setAriaLabel(getTranslation("language.label"));
        setValue(SupportedLanguages.languageOf(UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale()));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                remember.accept(event.getValue());
                VaadinSession.getCurrent().setLocale(event.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
