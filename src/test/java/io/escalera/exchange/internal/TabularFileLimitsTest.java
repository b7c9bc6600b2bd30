package io.escalera.exchange.internal;

import io.escalera.exchange.ImportFileRefusedException;
import io.escalera.shared.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits of an uploaded table: each is refused with its own message and, where it has one, its line. */
class TabularFileLimitsTest {

    /** Small limits, so that the files stay small: 100-character lines, 20-character values, 3 rows, 1 MiB unpacked. */
    private static final TableLimits SMALL = new TableLimits(100, 20, 3, 1 << 20, 1 << 20, 100);

    @TempDir Path dir;

    private Path csv(String content) throws Exception {
        Path file = dir.resolve("t" + System.nanoTime() + ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<TabularFile.Line> readAll(Path file, String name, TableLimits limits) throws Exception {
        List<TabularFile.Line> lines = new ArrayList<>();
        try (TabularFile.Rows rows = TabularFile.open(file, name, limits).rows()) {
            rows.forEachRemaining(lines::add);
        }
        return lines;
    }

    private static void assertRefused(ThrowingCall call, String key, Object... args) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ImportFileRefusedException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.args()).containsExactly(args);
        });
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineWhereItOpenedInsteadOfSwallowingTheRestOfTheFile() throws Exception {
        Path file = csv("id,note\n1,fine\n2,\"opens here\n3,never\n4,closed\n");
        assertRefused(() -> readAll(file, "t.csv", TableLimits.DEFAULTS), "import.file.quote-not-closed", 3, 32_767);
        // a long file: the value grows past the limit of a value, still reported where the quote opened
        Path longer = csv("id,note\n1,\"x\n" + "2,more\n".repeat(10));
        assertRefused(() -> readAll(longer, "t.csv", SMALL), "import.file.quote-not-closed", 2, 20);
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithItsNumberBeforeItIsHeldInMemory() throws Exception {
        Path file = csv("id,note\n1,ok\n2," + "y,".repeat(60) + "\n");
        assertRefused(() -> readAll(file, "t.csv", SMALL), "import.file.line-too-long", 3, 100);
        Path noLineBreaks = csv("h".repeat(500));
        assertRefused(() -> TabularFile.open(noLineBreaks, "t.csv", SMALL), "import.file.line-too-long", 1, 100);
    }

    @Test
    void aValueLongerThanTheLimitIsRefusedWithItsLine() throws Exception {
        Path file = csv("id,note\n1,ok\n2," + "z".repeat(21) + "\n");
        assertRefused(() -> readAll(file, "t.csv", SMALL), "import.file.cell-too-long", 3, 20);
        Path quoted = csv("id,note\n1,\"" + "z".repeat(19) + "\"\n");
        assertThat(readAll(quoted, "t.csv", SMALL)).as("a value of exactly the limit").hasSize(2);
    }

    @Test
    void moreRowsThanTheLimitAreRefusedInCsvAndInXlsx() throws Exception {
        Path three = csv("id\n1\n2\n3\n");
        assertThat(readAll(three, "t.csv", SMALL)).as("the header and three rows").hasSize(4);
        Path four = csv("id\n1\n2\n3\n4\n");
        assertRefused(() -> readAll(four, "t.csv", SMALL), "import.file.too-many-rows", 3L);

        Path xlsx = dir.resolve("rows.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx); TableWriter writer = TableWriter.of(TableWriter.Format.XLSX, out, "s")) {
            for (int i = 0; i <= 4; i++) {
                writer.row(List.of(i == 0 ? "id" : "O" + i));
            }
        }
        assertRefused(() -> readAll(xlsx, "rows.xlsx", SMALL), "import.file.too-many-rows", 3L);
    }

    @Test
    void aWorkbookThatUnpacksFarLargerThanItIsPackedIsRefusedAsAZipBomb() throws Exception {
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(100_000);
        assertRefused(() -> TabularFile.open(bomb, "bomb.xlsx", TableLimits.DEFAULTS), "import.file.xlsx-ratio", 100);
    }

    @Test
    void aWorkbookThatUnpacksBeyondTheLimitIsRefused() throws Exception {
        Path xlsx = dir.resolve("big.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx); TableWriter writer = TableWriter.of(TableWriter.Format.XLSX, out, "s")) {
            for (int i = 0; i < 40_000; i++) {
                writer.row(List.of("O" + i, "a text that unpacks " + i));
            }
        }
        assertThat(readAll(xlsx, "big.xlsx", TableLimits.DEFAULTS)).hasSize(40_000);
        assertRefused(() -> TabularFile.open(xlsx, "big.xlsx", SMALL), "import.file.xlsx-too-large", 1L);
    }
}
