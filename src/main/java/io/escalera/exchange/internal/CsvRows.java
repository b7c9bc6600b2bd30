package io.escalera.exchange.internal;

import io.escalera.exchange.ImportFileRefusedException;
import io.escalera.shared.TableWriter;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks (CR, LF or CRLF; a break inside a
 * quoted value reads as LF). Blank lines are skipped. Read character by character from a buffer, so that a line or a
 * value beyond the {@link TableLimits} is refused before it is held in memory; a quote that is never closed is
 * reported with the line where it opened, instead of swallowing the rest of the file. The guard an export puts before
 * a formula-like text ({@link TableWriter.Csv#guard}) is taken off, so that an export imported again reads as it was.
 */
final class CsvRows implements TabularFile.Rows {

    private static final int EOF = -1;

    private final Reader reader;
    private final char delimiter;
    private final TableLimits limits;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private int lineNumber;
    /** The row read ahead, or null; read when asked for (so that a refused line fails only when it is reached). */
    private TabularFile.Line next;
    private boolean readAhead;

    CsvRows(Reader reader, char delimiter, TableLimits limits) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.limits = limits;
    }

    private int read() throws IOException {
        if (position == length) {
            length = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (length <= 0) {
                length = 0;
                return EOF;
            }
        }
        return buffer[position++];
    }

    /** Gives back the character just read (never {@link #EOF}): it is still in the buffer. */
    private void unread() {
        position--;
    }

    private void advance() {
        try {
            next = parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TabularFile.Line parse() throws IOException {
        while (true) {
            if (read() == EOF) {
                return null;
            }
            unread();
            int start = ++lineNumber;
            int lineLength = 0;
            int quoteLine = 0;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                int c = read();
                if (c == EOF) {
                    if (quoted) {
                        throw new ImportFileRefusedException("import.file.quote-not-closed", quoteLine, limits.maxCellChars());
                    }
                    break;
                }
                if (c == '\r' || c == '\n') {
                    if (c == '\r' && read() != '\n' && position > 0) {
                        unread();
                    }
                    if (!quoted) {
                        break;
                    }
                    lineNumber++;
                    lineLength = 0;
                    append(cell, '\n', quoteLine);
                    continue;
                }
                if (++lineLength > limits.maxLineChars()) {
                    throw new ImportFileRefusedException("import.file.line-too-long", lineNumber, limits.maxLineChars());
                }
                if (quoted) {
                    if (c != '"') {
                        append(cell, (char) c, quoteLine);
                    } else if (read() == '"') {
                        lineLength++;
                        append(cell, '"', quoteLine);
                    } else {
                        quoted = false;
                        if (position > 0) {
                            unread();
                        }
                    }
                } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = lineNumber;
                } else if (c == delimiter) {
                    cells.add(TableWriter.Csv.unguard(cell.toString()));
                    cell.setLength(0);
                    wasQuoted = false;
                } else {
                    append(cell, (char) c, 0);
                }
            }
            cells.add(TableWriter.Csv.unguard(cell.toString()));
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue;
            }
            return new TabularFile.Line(start, cells);
        }
    }

    /** Adds to a value; one growing past the limit is refused (inside quotes, most likely a quote never closed). */
    private void append(StringBuilder cell, char c, int quoteLine) {
        if (cell.length() >= limits.maxCellChars()) {
            throw quoteLine > 0
                    ? new ImportFileRefusedException("import.file.quote-not-closed", quoteLine, limits.maxCellChars())
                    : new ImportFileRefusedException("import.file.cell-too-long", lineNumber, limits.maxCellChars());
        }
        cell.append(c);
    }

    @Override
    public boolean hasNext() {
        if (!readAhead) {
            advance();
            readAhead = true;
        }
        return next != null;
    }

    @Override
    public TabularFile.Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        readAhead = false;
        return next;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
