package io.escalera.exchange.internal;

/**
 * What an uploaded table may hold. Above any of these the file is refused with a message that says which limit and,
 * where it applies, on which line — instead of running the node out of memory or disk:
 * <ul>
 *   <li>{@code maxLineChars}: a physical line of a CSV (default 1,048,576 characters: far above any real row, and a
 *   file without line breaks is not read into memory whole);</li>
 *   <li>{@code maxCellChars}: one value (default 32,767 characters, the most a spreadsheet cell holds); a quoted value
 *   that grows beyond it is reported as a quote that was never closed, with the line where it opened;</li>
 *   <li>{@code maxRows}: rows after the header (setting {@code escalera.import.max-rows}, default 5,000,000);</li>
 *   <li>{@code maxXlsxInflatedBytes}: what all the parts of an XLSX unpack to, together (default 4 GiB), and
 *   {@code maxXlsxPartBytes} for any part but the sheets (shared strings, styles… are held in memory; default 256 MiB);</li>
 *   <li>{@code maxXlsxRatio}: how many times a part may unpack larger than it is packed (default 100, as Apache POI's
 *   zip-bomb guard); parts that unpack to less than 1 MiB are not held to it.</li>
 * </ul>
 */
public record TableLimits(int maxLineChars, int maxCellChars, long maxRows, long maxXlsxInflatedBytes,
                          long maxXlsxPartBytes, int maxXlsxRatio) {

    public static final TableLimits DEFAULTS = new TableLimits(1 << 20, 32_767, 5_000_000, 4L << 30, 256L << 20, 100);

    public TableLimits withMaxRows(long rows) {
        return new TableLimits(maxLineChars, maxCellChars, rows, maxXlsxInflatedBytes, maxXlsxPartBytes, maxXlsxRatio);
    }
}
