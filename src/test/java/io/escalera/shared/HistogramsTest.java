package io.escalera.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class HistogramsTest {

    /** Values as "value×count" pairs. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            one value                 ; 7x1              ; 7.0  ; 7.0
            odd count                 ; 1x1 5x1 9x1      ; 5.0  ; 9.0
            even count: mean of two   ; 1x1 2x1 10x2     ; 6.0  ; 10.0
            ten values, p90 is 9th    ; 1x9 100x1        ; 1.0  ; 1.0
            eleven values, p90 is 10th; 1x9 50x1 100x1   ; 1.0  ; 50.0
            """)
    void medianAndNearestRankPercentile(String description, String values, double median, double p90) {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        for (String pair : values.trim().split(" +")) {
            String[] parts = pair.split("x");
            histogram.merge(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long::sum);
        }
        assertThat(Histograms.median(histogram)).isEqualTo(median);
        assertThat(Histograms.percentile(histogram, 0.9)).isEqualTo(p90);
    }
}
