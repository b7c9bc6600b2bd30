package io.escalera.shared;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes {@link GeneralSettings}. Reading is open to any code (the session timeout is applied at login,
 * before roles matter); writing is for ADMIN only.
 */
@Service
public class GeneralSettingsService {

    private final Settings settings;

    public GeneralSettingsService(Settings settings) {
        this.settings = settings;
    }

    public GeneralSettings current() {
        GeneralSettings general = new GeneralSettings();
        general.setCurrency(settings.get(GeneralSettings.CURRENCY, "EUR"));
        general.setDefaultLanguage(SupportedLanguages.closest(Locale.forLanguageTag(settings.get(GeneralSettings.DEFAULT_LANGUAGE, "en"))));
        general.setSessionTimeoutMinutes(settings.getInt(GeneralSettings.SESSION_TIMEOUT_MINUTES, 30));
        return general;
    }

    /** The language for people with no choice of their own (e.g. a survey page): a supported language. */
    public Locale defaultLanguage() {
        return SupportedLanguages.languageOf(current().getDefaultLanguage());
    }

    public Currency currency() {
        return Currency.getInstance(current().getCurrency());
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public void save(GeneralSettings general) {
        if (!isIsoCurrency(general.getCurrency())) {
            throw new FieldErrorsException(List.of(new FieldErrorsException.FieldError("currency", "settings.currency.invalid")));
        }
        settings.put(GeneralSettings.CURRENCY, general.getCurrency());
        settings.put(GeneralSettings.DEFAULT_LANGUAGE, SupportedLanguages.closest(general.getDefaultLanguage()).getLanguage());
        settings.put(GeneralSettings.SESSION_TIMEOUT_MINUTES, Integer.toString(general.getSessionTimeoutMinutes()));
    }

    static boolean isIsoCurrency(String code) {
        if (code == null) {
            return false;
        }
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }
}
