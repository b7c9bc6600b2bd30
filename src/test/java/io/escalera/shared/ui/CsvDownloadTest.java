package io.escalera.shared.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDownloadTest {

    @Test
    void fieldsAreQuotedOnlyWhenNeededAndFormulasStayText() {
        String csv = CsvDownload.csv(List.of(
                List.of("name", "share"),
                List.of("García, María", "0.25"),
                List.of("say \"hi\"", "-12.5"),
                List.of("=HYPERLINK(\"x\")", "-x")));

        assertThat(csv).startsWith("\uFEFF").isEqualTo("\uFEFFname,share\r\n"
                + "\"García, María\",0.25\r\n"
                + "\"say \"\"hi\"\"\",-12.5\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\"'-x\"\r\n");
    }
}
