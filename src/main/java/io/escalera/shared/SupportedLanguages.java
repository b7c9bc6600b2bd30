package io.escalera.shared;

import java.util.List;
import java.util.Locale;

/** The languages the interface speaks. Anything else falls back to English. */
public final class SupportedLanguages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> ALL = List.of(ENGLISH, SPANISH);

    private SupportedLanguages() {
    }

    /** The supported language nearest to {@code requested}, keeping its country for number and date formats. */
    public static Locale closest(Locale requested) {
        if (requested == null) {
            return ENGLISH;
        }
        return ALL.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst()
                .map(l -> requested)
                .orElse(ENGLISH);
    }

    public static Locale languageOf(Locale locale) {
        return Locale.forLanguageTag(closest(locale).getLanguage());
    }
}
