package io.escalera.shared.ui;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxDownloadTest {

    @Test
    void aTableBecomesASheetWithNumbersAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxDownload.write(List.of(List.of("KPI", "Value"), List.of("NPS", "25.0"), List.of("García, María", "")), "Board", out);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Board");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("KPI");
            assertThat(rows.get(1).getCellAsNumber(1)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(new BigDecimal("25")));
            assertThat(rows.get(2).getCellText(0)).isEqualTo("García, María");
        }
    }
}
