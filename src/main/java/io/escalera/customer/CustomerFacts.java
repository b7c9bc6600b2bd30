package io.escalera.customer;

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
     */
    record Fact(String labelKey, String valueKey, java.math.BigDecimal amount) {

        public static Fact money(String labelKey, java.math.BigDecimal amount) {
            return new Fact(labelKey, null, amount);
        }

        public static Fact translated(String labelKey, String valueKey) {
            return new Fact(labelKey, valueKey, null);
        }
    }
}
