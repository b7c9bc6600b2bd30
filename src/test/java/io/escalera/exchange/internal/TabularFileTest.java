package io.escalera.exchange.internal;

import io.escalera.shared.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading uploaded tables: encodings, delimiters, quoting, and XLSX tables longer than a sheet. */
class TabularFileTest {

    @TempDir Path dir;

    private static List<TabularFile.Line> read(TabularFile file) throws Exception {
        List<TabularFile.Line> lines = new ArrayList<>();
        try (TabularFile.Rows rows = file.rows()) {
            rows.forEachRemaining(lines::add);
        }
        return lines;
    }

    @Test
    void aWindowsCsvWithSemicolonsAndAQuotedLineBreakIsReadWithItsLineNumbers() throws Exception {
        Path csv = dir.resolve("a.csv");
        Files.write(csv, "Código;Nota\r\nA1;\"dos\r\nlíneas; y \"\"comillas\"\"\"\r\n\r\nB2;café\r\n".getBytes(Charset.forName("windows-1252")));

        TabularFile file = TabularFile.open(csv, "a.csv");

        assertThat(file.charset().name()).isEqualTo("windows-1252");
        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(read(file)).extracting(TabularFile.Line::number, TabularFile.Line::cells).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, List.of("Código", "Nota")),
                org.assertj.core.groups.Tuple.tuple(2, List.of("A1", "dos\nlíneas; y \"comillas\"")),
                org.assertj.core.groups.Tuple.tuple(5, List.of("B2", "café")));
    }

    @Test
    void aUtf8CsvWithAByteOrderMarkKeepsItsFirstHeaderClean() throws Exception {
        Path csv = dir.resolve("b.csv");
        Files.write(csv, "\uFEFFid\tname\n1\tÁngela\n".getBytes(StandardCharsets.UTF_8));
        TabularFile file = TabularFile.open(csv, "b.csv");
        assertThat(file.delimiter()).isEqualTo('\t');
        assertThat(file.headers()).containsExactly("id", "name");
        Path spaced = dir.resolve("spaced.csv");
        Files.writeString(spaced, " id , name \n1,Ana\n");
        assertThat(TabularFile.open(spaced, "spaced.csv").headers()).as("the names a mapping uses, in dry run and commit alike")
                .containsExactly("id", "name");
        assertThat(read(file).get(1).cells()).containsExactly("1", "Ángela");
    }

    @Test
    void anXlsxLongerThanASheetGoesOnInTheNextSheetAndReadsBackAsOneTable() throws Exception {
        Path xlsx = dir.resolve("c.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx);
             TableWriter writer = new TableWriter.Xlsx(out, "Orders", 3)) {
            writer.row(List.of("id", "day", "amount"));
            for (int i = 1; i <= 5; i++) {
                writer.row(Arrays.asList("O" + i, LocalDate.of(2026, 1, i), new java.math.BigDecimal(i + ".50")));
            }
        }
        List<TabularFile.Line> lines = read(TabularFile.open(xlsx, "c.xlsx"));
        assertThat(lines).extracting(l -> l.cells().getFirst()).containsExactly("id", "O1", "O2", "O3", "O4", "O5");
        assertThat(lines.get(5).cells()).containsExactly("O5", "2026-01-05", "5.5");
        assertThat(lines).extracting(TabularFile.Line::number).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aCsvExportImportedAgainReadsAsItWasFormulaGuardsAndSemicolonsIncluded() throws Exception {
        List<List<String>> table = List.of(
                List.of("code", "note"),
                List.of("=1+2", "García; María"),
                List.of("  @SUM(A1)", "-x"),
                List.of("'=kept apostrophe", "two\nlines, \"quoted\""),
                List.of("-12.5", "+34 600 000 000"));
        Path csv = dir.resolve("export.csv");
        try (OutputStream out = Files.newOutputStream(csv); TableWriter writer = TableWriter.of(TableWriter.Format.CSV, out, null)) {
            table.forEach(writer::row);
        }
        assertThat(Files.readString(csv)).as("guarded in the file").contains("\"'=1+2\"", "\"''=kept apostrophe\"");

        assertThat(read(TabularFile.open(csv, "export.csv"))).extracting(TabularFile.Line::cells)
                .containsExactlyElementsOf(table);
    }
}
