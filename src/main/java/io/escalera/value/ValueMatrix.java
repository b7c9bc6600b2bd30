package io.escalera.value;

import java.util.EnumMap;
import java.util.Map;

/** Buying customers by value tier × latest NPS, and by RFM segment, within the chosen units. */
public record ValueMatrix(Map<ValueTier, Map<NpsBand, Long>> cells, Map<RfmSegment, Long> segments) {

    public long count(ValueTier tier, NpsBand band) {
        return cells.getOrDefault(tier, Map.of()).getOrDefault(band, 0L);
    }

    public static ValueMatrix empty() {
        return new ValueMatrix(new EnumMap<>(ValueTier.class), new EnumMap<>(RfmSegment.class));
    }
}
