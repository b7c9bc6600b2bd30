package io.escalera.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Locale;

/**
 * The application-wide settings an ADMIN edits. A mutable bean so that a form can bind to it.
 */
public class GeneralSettings {

    public static final String CURRENCY = "general.currency";
    public static final String DEFAULT_LANGUAGE = "general.default-language";
    public static final String SESSION_TIMEOUT_MINUTES = "general.session-timeout-minutes";

    @NotBlank
    @Pattern(regexp = "[A-Z]{3}")
    private String currency = "EUR";

    @NotNull
    private Locale defaultLanguage = Locale.ENGLISH;

    @Min(5)
    @Max(1440)
    private int sessionTimeoutMinutes = 30;

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
    }

    public Locale getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(Locale defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public int getSessionTimeoutMinutes() {
        return sessionTimeoutMinutes;
    }

    public void setSessionTimeoutMinutes(int sessionTimeoutMinutes) {
        this.sessionTimeoutMinutes = sessionTimeoutMinutes;
    }
}
