package io.escalera.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RfmSegmentTest {

    @ParameterizedTest(name = "R{0} F{1} M{2} → {3}")
    @CsvSource({
            "5,5,5,CHAMPIONS", "4,4,4,CHAMPIONS", "4,4,3,LOYAL", "5,5,1,LOYAL", "3,5,5,LOYAL", "3,3,1,LOYAL",
            "5,2,5,POTENTIAL_LOYALIST", "3,1,1,POTENTIAL_LOYALIST", "4,2,4,POTENTIAL_LOYALIST",
            "2,4,1,CANNOT_LOSE", "1,5,5,CANNOT_LOSE",
            "2,3,3,AT_RISK", "1,2,1,AT_RISK",
            "2,1,5,HIBERNATING", "1,1,5,LOST", "1,1,1,LOST"})
    void theFirstMatchingRuleNamesTheSegment(int r, int f, int m, RfmSegment expected) {
        assertThat(RfmSegment.of(r, f, m)).isEqualTo(expected);
    }
}
