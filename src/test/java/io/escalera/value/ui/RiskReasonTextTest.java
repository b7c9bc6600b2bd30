package io.escalera.value.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.escalera.value.RiskReason;
import io.escalera.value.RiskReason.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The reasons read as the brief's example, in English and in Spanish, with the locale's numbers, months and dates. */
class RiskReasonTextTest {

    private static final List<RiskReason> REASONS = List.of(new RiskReason(Kind.OVERDUE, 2.3, null),
            new RiskReason(Kind.SPEND, -40.0, null), new RiskReason(Kind.DETRACTOR, null, LocalDate.of(2026, 3, 14)));

    private static I18NProvider messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new I18NProvider() {
            @Override
            public List<Locale> getProvidedLocales() {
                return List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));
            }

            @Override
            public String getTranslation(String key, Locale locale, Object... params) {
                return source.getMessage(key, params, locale);
            }
        };
    }

    @Test
    void englishReadsLikeTheBrief() {
        assertThat(RiskReasonText.describe(REASONS, Locale.ENGLISH, messages()))
                .isEqualTo("overdue 2.3× their usual gap; spend −40 % vs the previous 6 months; detractor in March 2026");
    }

    @Test
    void spanishUsesSpanishWordsNumbersAndMonths() {
        assertThat(RiskReasonText.describe(REASONS, Locale.forLanguageTag("es-ES"), messages()))
                .isEqualTo("con retraso: 2,3 veces su intervalo habitual; gasto −40 % frente a los 6 meses anteriores; detractor en marzo 2026");
    }

    @Test
    void everyKindOfReasonHasWordsInBothLanguages() {
        List<RiskReason> all = List.of(new RiskReason(Kind.FREQUENCY, -50.0, null), new RiskReason(Kind.UNHAPPY, null, LocalDate.of(2026, 5, 2)),
                new RiskReason(Kind.PAST_SLA, 2.0, null), new RiskReason(Kind.SILENCE, null, LocalDate.of(2026, 5, 2)),
                new RiskReason(Kind.UNANSWERED, 3.0, null));
        assertThat(RiskReasonText.describe(all, Locale.ENGLISH, messages())).isEqualTo(
                "purchases −50 % vs the previous 6 months; unhappy satisfaction score in May 2026; 2 complaint(s) open past their SLA; "
                        + "no purchase since the complaint of " + io.escalera.shared.ui.Formats.date(LocalDate.of(2026, 5, 2), Locale.ENGLISH)
                        + "; 3 surveys sent, none answered");
        assertThat(RiskReasonText.describe(all, Locale.forLanguageTag("es"), messages())).startsWith("compras −50 % frente a")
                .contains("satisfacción baja en mayo 2026").contains("2 reclamación(es)").contains("3 encuestas enviadas, ninguna respondida");
    }
}
