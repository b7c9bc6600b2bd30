package io.escalera.value.internal;

import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerFacts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Tier, RFM segment and risk score in the 360 header (the parts and reasons are in the value section below it). */
@Component
class ValueHeaderFacts implements CustomerFacts {

    private final CustomerValueTable store;

    ValueHeaderFacts(CustomerValueTable store) {
        this.store = store;
    }

    @Override
    public List<Fact> factsFor(CustomerDetails customer) {
        List<Fact> facts = new ArrayList<>();
        store.find(customer.id()).ifPresent(value -> {
            facts.add(value.tier() == null ? Fact.translated("value.header.tier", "value.no-purchases")
                    : Fact.withMeaning("value.header.tier", value.tier().name(), "value.tier." + value.tier()));
            if (value.rfmSegment() != null) {
                facts.add(Fact.withMeaning("value.header.rfm", value.recencyScore() + "-" + value.frequencyScore() + "-"
                        + value.monetaryScore(), "rfm." + value.rfmSegment()));
            }
            if (value.riskScore() != null) {
                facts.add(Fact.withMeaning("value.header.risk", String.valueOf(value.riskScore()),
                        value.atRisk() ? (value.silent() ? "value.risk.silent" : "value.risk.at-risk") : "value.risk.watch"));
            }
        });
        return facts;
    }
}
