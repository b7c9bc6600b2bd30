package io.escalera.shared;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a table row by row as CSV or XLSX, straight to a stream: an export of a million rows never holds them in
 * memory. CSV: UTF-8 with a byte-order mark, RFC 4180 quoting, texts a spreadsheet would run as formulas kept as text.
 * XLSX: numbers as numbers, dates as dates, a bold header.
 */
public interface TableWriter extends AutoCloseable {

    enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** One row; cells may be text, numbers (BigDecimal, Long, Integer, Double), dates, booleans or null. */
    void row(List<?> cells);

    @Override
    void close();

    static TableWriter of(Format format, OutputStream out, String sheetName) {
        return format == Format.CSV ? new Csv(out) : new Xlsx(out, sheetName);
    }

    final class Csv implements TableWriter {
        private final Writer writer;

        Csv(OutputStream out) {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            write("\uFEFF");
        }

        @Override
        public void row(List<?> cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(field(cells.get(i)));
            }
            write(line.append("\r\n").toString());
        }

        /**
         * One CSV field: quoted where a spreadsheet could split it (a comma, a semicolon — the delimiter of
         * Spanish-locale spreadsheets —, a quote, a tab or a line break) and guarded where it could run it (see
         * {@link #guard}); a guarded field is quoted too.
         */
        public static String field(Object cell) {
            if (cell == null) {
                return "";
            }
            String value = switch (cell) {
                case BigDecimal d -> d.toPlainString();
                default -> cell.toString();
            };
            String guarded = cell instanceof Number ? value : guard(value);
            boolean quote = guarded.length() != value.length() || splits(guarded);
            return quote ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
        }

        /** Whether a spreadsheet could split the text into several cells or lines (a loop: it runs for every field). */
        private static boolean splits(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ',' || c == ';' || c == '"' || c == '\r' || c == '\n' || c == '\t') {
                    return true;
                }
            }
            return false;
        }

        /**
         * A text a spreadsheet would run as a formula (CSV injection) kept as text with a leading apostrophe: one that
         * starts with {@code = + - @}, also after leading spaces, or with a tab or a line break (a negative number
         * is left alone). A text that starts with an apostrophe followed by such a text is guarded too, so that
         * {@link #unguard} restores every text exactly: an export imported again reads as it was.
         */
        public static String guard(String value) {
            return needsGuard(value) ? "'" + value : value;
        }

        /** The text {@link #guard} was given: the import's side of the guard. */
        public static String unguard(String value) {
            return value != null && value.startsWith("'") && needsGuard(value.substring(1)) ? value.substring(1) : value;
        }

        private static boolean needsGuard(String value) {
            int start = 0;
            while (start < value.length() && value.charAt(start) == '\'') {
                start++;
            }
            if (start == value.length()) {
                return false;
            }
            if (value.charAt(start) == '\t' || value.charAt(start) == '\r' || value.charAt(start) == '\n') {
                return true;
            }
            String text = value.substring(start).stripLeading();
            return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-[0-9.,]+%?");
        }

        private void write(String text) {
            try {
                writer.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** XLSX: a sheet holds at most 1,048,576 rows; a longer table goes on in further sheets, each with the header. */
    final class Xlsx implements TableWriter {
        static final int MAX_ROWS_PER_SHEET = 1_048_576;
        private static final int FLUSH_EVERY = 1_000;
        private final Workbook workbook;
        private final String sheetName;
        private final int rowsPerSheet;
        private Worksheet sheet;
        private List<?> header;
        private int sheets = 1;
        private int row;

        Xlsx(OutputStream out, String sheetName) {
            this(out, sheetName, MAX_ROWS_PER_SHEET);
        }

        public Xlsx(OutputStream out, String sheetName, int rowsPerSheet) {
            this.workbook = new Workbook(out, "Escalera", "1.0");
            this.sheetName = sheetName == null || sheetName.isBlank() ? "Sheet1" : sheetName;
            this.rowsPerSheet = rowsPerSheet;
            this.sheet = workbook.newWorksheet(this.sheetName);
        }

        @Override
        public void row(List<?> cells) {
            if (header == null) {
                header = List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList());
            } else if (row == rowsPerSheet) {
                try {
                    sheet.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sheet = workbook.newWorksheet(sheetName + " (" + ++sheets + ")");
                row = 0;
                write(header);
            }
            write(cells);
        }

        private void write(List<?> cells) {
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                switch (cell) {
                    case null -> { }
                    case BigDecimal d -> sheet.value(row, c, d);
                    case Number n -> sheet.value(row, c, n);
                    case Boolean b -> sheet.value(row, c, b);
                    case LocalDate d -> {
                        sheet.value(row, c, d);
                        sheet.style(row, c).format("yyyy-mm-dd").set();
                    }
                    // inline: a table of shared strings would hold every distinct text (every order id) in memory
                    default -> sheet.inlineString(row, c, cell.toString());
                }
            }
            if (row == 0 && !cells.isEmpty()) {
                sheet.range(0, 0, 0, cells.size() - 1).style().bold().set();
            }
            if (++row % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
