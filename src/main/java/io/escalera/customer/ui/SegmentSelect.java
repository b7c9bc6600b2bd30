package io.escalera.customer.ui;

import com.vaadin.flow.component.select.Select;
import io.escalera.customer.CustomerSegmentFilters;
import io.escalera.customer.CustomerSegments.CustomerSegment;

/** The list filter "which customers": all, or one segment another module contributes (value tier A, at risk, …). */
public class SegmentSelect extends Select<CustomerSegment> {

    public SegmentSelect(CustomerSegmentFilters segments, String id) {
        setId(id);
        setAriaLabel(getTranslation("filter.segment"));
        setItems(segments.all());
        setEmptySelectionAllowed(true);
        setEmptySelectionCaption(getTranslation("filter.any-segment"));
        setItemLabelGenerator(s -> s == null ? getTranslation("filter.any-segment") : getTranslation(s.labelKey()));
        setVisible(!segments.all().isEmpty());
    }

    /** The chosen segment's key, or null for all customers. */
    public String key() {
        return getValue() == null ? null : getValue().key();
    }
}
