package io.escalera.shared.internal;

import com.vaadin.flow.i18n.I18NProvider;
import io.escalera.shared.SupportedLanguages;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Vaadin's translations come from the same {@code messages_en} / {@code messages_es} bundles as Spring's validation
 * messages, so every text exists in one place.
 */
@Component
class MessagesI18NProvider implements I18NProvider {

    private final MessageSource messages;

    MessagesI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return SupportedLanguages.ALL;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, SupportedLanguages.languageOf(locale));
        } catch (NoSuchMessageException e) {
            return "!" + key;
        }
    }
}
