package io.escalera.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV fields an export writes: a spreadsheet neither splits nor runs any of them, and the import reads them back. */
class CsvFieldGuardTest {

    private static String field(Object value) {
        return TableWriter.Csv.field(value);
    }

    @Test
    void aFormulaIsGuardedAndQuotedAlsoAfterLeadingSpaces() {
        assertThat(field("=1+2")).isEqualTo("\"'=1+2\"");
        assertThat(field("  =HYPERLINK(\"x\")")).isEqualTo("\"'  =HYPERLINK(\"\"x\"\")\"");
        assertThat(field(" +34 600 000 000")).isEqualTo("\"' +34 600 000 000\"");
        assertThat(field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(field("-x")).isEqualTo("\"'-x\"");
        assertThat(field("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(field("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void aSemicolonOrADelimiterOrAQuoteOrALineBreakIsQuoted() {
        assertThat(field("García; María")).as("a Spanish-locale spreadsheet splits at ;").isEqualTo("\"García; María\"");
        assertThat(field("a,b")).isEqualTo("\"a,b\"");
        assertThat(field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void plainTextsAndNumbersAreLeftAlone() {
        assertThat(field("Ana")).isEqualTo("Ana");
        assertThat(field("-12.5")).isEqualTo("-12.5");
        assertThat(field(" -3%")).isEqualTo(" -3%");
        assertThat(field(new BigDecimal("-4.20"))).isEqualTo("-4.20");
        assertThat(field(-7L)).isEqualTo("-7");
        assertThat(field(null)).isEmpty();
    }

    @Test
    void theImportTakesOffExactlyTheGuardTheExportPutOn() {
        for (String text : new String[]{"=1+2", "  =x", "-x", "+1", "@a", "\tt", "\rr", "'=already", "''-x", "'plain", "plain",
                "-12.5", "", "'", "it's"}) {
            assertThat(TableWriter.Csv.unguard(TableWriter.Csv.guard(text))).as(text).isEqualTo(text);
        }
        assertThat(TableWriter.Csv.guard("'=already")).isEqualTo("''=already");
        assertThat(TableWriter.Csv.unguard("'plain")).as("an apostrophe the export did not add").isEqualTo("'plain");
    }
}
