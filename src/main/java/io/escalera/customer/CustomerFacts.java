package io.escalera.customer;

import java.math.BigDecimal;
import java.util.List;

/**
 * Contribution point of the customer 360's header: facts other modules know about a customer (cost to serve,
 * ladder stage, value tier, risk, latest NPS), shown next to the customer's own facts.
 */
public interface CustomerFacts {

    List<Fact> factsFor(CustomerDetails customer);

    /**
     * @param labelKey  translation key of the label
     * @param valueKey  translation key of the value (e.g. a stage name), or null
     * @param amount    money, shown in the configured currency and the user's format, or null
     * @param prefix    text shown as is before the translated value (e.g. a score: "9 · Promoter"), or null
     */
    record Fact(String labelKey, String valueKey, BigDecimal amount, String prefix) {

        public static Fact money(String labelKey, BigDecimal amount) {
            return new Fact(labelKey, null, amount, null);
        }

        public static Fact translated(String labelKey, String valueKey) {
            return new Fact(labelKey, valueKey, null, null);
        }

        /** A number or code followed by its translated meaning, e.g. "9 · Promoter". */
        public static Fact withMeaning(String labelKey, String prefix, String valueKey) {
            return new Fact(labelKey, valueKey, null, prefix);
        }
    }
}
