package io.escalera.exchange.internal;

import io.escalera.exchange.ImportFileRefusedException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * A table read from an uploaded file: a header row, then rows of text with their line numbers. CSV in any common
 * delimiter (comma, semicolon, tab, bar: the header decides) and encoding (UTF-8 with or without a byte-order mark,
 * UTF-16 with one, else Windows-1252, what spreadsheet programs write on Western-European machines), or the first
 * sheet of an XLSX workbook. Rows are streamed: a million-row file is never held in memory.
 */
public final class TabularFile {

    /** One row: its line in the file (the header is line 1) and its cells, as text. */
    public record Line(int number, List<String> cells) {
        public String cell(int index) {
            return index < 0 || index >= cells.size() ? null : cells.get(index);
        }
    }

    private final Path path;
    private final boolean xlsx;
    private final Charset charset;
    private final char delimiter;
    private final TableLimits limits;

    private TabularFile(Path path, boolean xlsx, Charset charset, char delimiter, TableLimits limits) {
        this.path = path;
        this.xlsx = xlsx;
        this.charset = charset;
        this.delimiter = delimiter;
        this.limits = limits;
    }

    public static TabularFile open(Path path, String fileName) throws IOException {
        return open(path, fileName, TableLimits.DEFAULTS);
    }

    /**
     * Opens a file within {@code limits}: a workbook is first unpacked without keeping anything (see
     * {@link XlsxGuard}); a line or value beyond the limits is refused when it is read.
     *
     * @throws io.escalera.exchange.ImportFileRefusedException when the file passes a limit
     */
    public static TabularFile open(Path path, String fileName, TableLimits limits) throws IOException {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            XlsxGuard.check(path, limits);
            return new TabularFile(path, true, null, ',', limits);
        }
        Charset charset = detectCharset(path);
        String header;
        try (BufferedReader reader = reader(path, charset)) {
            header = firstLine(reader, limits.maxLineChars());
        }
        return new TabularFile(path, false, charset, detectDelimiter(header), limits);
    }

    /** The first line, read no further than {@code max} characters. */
    private static String firstLine(Reader reader, int max) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0 && c != '\n' && c != '\r') {
            if (line.length() == max) {
                throw new ImportFileRefusedException("import.file.line-too-long", 1, max);
            }
            line.append((char) c);
        }
        return line.toString();
    }

    public boolean xlsx() {
        return xlsx;
    }

    public Charset charset() {
        return charset;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The first line's cells, without surrounding spaces: how a mapping names the columns. */
    public List<String> headers() throws IOException {
        try (Rows rows = rows()) {
            return rows.hasNext() ? rows.next().cells().stream().map(String::strip).toList() : List.of();
        }
    }

    /** Every line, the header first, no more than the limit of rows after it. Close it when done. */
    public Rows rows() throws IOException {
        return new LimitedRows(xlsx ? new XlsxRows(path) : new CsvRows(reader(path, charset), delimiter, limits), limits);
    }

    public interface Rows extends Iterator<Line>, AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Refuses a row beyond the limit of rows, and a value of a workbook longer than the limit of a value. */
    private record LimitedRows(Rows rows, TableLimits limits, long[] read) implements Rows {
        LimitedRows(Rows rows, TableLimits limits) {
            this(rows, limits, new long[1]);
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Line next() {
            Line line = rows.next();
            if (++read[0] > limits.maxRows() + 1) {
                throw new ImportFileRefusedException("import.file.too-many-rows", limits.maxRows());
            }
            for (String cell : line.cells()) {
                if (cell.length() > limits.maxCellChars()) {
                    throw new ImportFileRefusedException("import.file.cell-too-long", line.number(), limits.maxCellChars());
                }
            }
            return line;
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    private static BufferedReader reader(Path path, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path));
        // skip UTF-8's byte-order mark: it is not part of the first header (UTF-16's decoder reads its own mark)
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        boolean utf8Mark = bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
        if (!utf8Mark) {
            in.reset();
        }
        return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    }

    /** UTF-16 by its mark; UTF-8 when the whole file decodes as UTF-8; else Windows-1252. */
    static Charset detectCharset(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(2);
            if (head.length == 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
                return StandardCharsets.UTF_16;
            }
        }
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[1 << 16];
            while (reader.read(buffer) >= 0) {
                // decode all of it: one bad byte anywhere means it is not UTF-8
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    static char detectDelimiter(String header) {
        char best = ',';
        int most = 0;
        for (char candidate : new char[]{',', ';', '\t', '|'}) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Every sheet in order (an export longer than a sheet goes on in the next, header repeated: it is skipped);
     * numbers as their plain text, dates as ISO dates (yyyy-MM-dd). Line numbers run on across sheets.
     */
    private static final class XlsxRows implements Rows {
        private final ReadableWorkbook workbook;
        private final Iterator<Sheet> sheets;
        private Stream<Row> stream;
        private Iterator<Row> rows;
        private int lineNumber;

        XlsxRows(Path path) throws IOException {
            this.workbook = new ReadableWorkbook(path.toFile(), new ReadingOptions(true, false));
            this.sheets = workbook.getSheets().toList().iterator();
            this.rows = Collections.emptyIterator();
            boolean first = true;
            while (!rows.hasNext() && sheets.hasNext()) {
                open(first);
                first = false;
            }
        }

        private void open(boolean first) throws IOException {
            if (stream != null) {
                stream.close();
            }
            stream = sheets.next().openStream();
            rows = stream.iterator();
            if (!first && rows.hasNext()) {
                rows.next();
            }
        }

        @Override
        public boolean hasNext() {
            try {
                while (!rows.hasNext() && sheets.hasNext()) {
                    open(false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows.hasNext();
        }

        @Override
        public Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = rows.next();
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
                Cell cell = row.getCell(i);
                cells.add(cell == null || cell.getType() == CellType.EMPTY ? "" : text(cell));
            }
            return new Line(++lineNumber, cells);
        }

        private static String text(Cell cell) {
            if (cell.getType() == CellType.NUMBER) {
                String format = cell.getDataFormatString();
                if (format != null && (format.contains("yy") || format.contains("dd") || format.contains("mm/"))) {
                    return cell.asDate().toLocalDate().toString();
                }
                return cell.asNumber().stripTrailingZeros().toPlainString();
            }
            if (cell.getType() == CellType.BOOLEAN) {
                return String.valueOf(cell.asBoolean());
            }
            return cell.getText();
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
            }
            workbook.close();
        }
    }
}
