package io.escalera.exchange.internal;

import io.escalera.exchange.ImportFileRefusedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Zip-bomb guard for an uploaded workbook, run before the workbook reader opens it. An XLSX is a zip: a few megabytes
 * can unpack to many gigabytes (and the reader holds its shared strings in memory). First the sizes the zip declares
 * are checked, which costs nothing; then every part is really unpacked, into nothing, counting the bytes — a zip can
 * declare false sizes, and the counting stops at the first byte over a limit, so a bomb costs at most the limit's worth
 * of unpacking. Limits: {@link TableLimits#maxXlsxInflatedBytes()} for all parts together,
 * {@link TableLimits#maxXlsxPartBytes()} for any part but a sheet, {@link TableLimits#maxXlsxRatio()} for any part
 * that unpacks to 1 MiB or more.
 */
final class XlsxGuard {

    private static final long RATIO_FROM_BYTES = 1L << 20;

    private XlsxGuard() {
    }

    static void check(Path path, TableLimits limits) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            long declared = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                declared += Math.max(0, entry.getSize());
                check(entry, Math.max(0, entry.getSize()), declared, limits);
            }
            long total = 0;
            byte[] sink = new byte[1 << 16];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(sink)) > 0) {
                        size += n;
                        total += n;
                        check(entry, size, total, limits);
                    }
                }
            }
        }
    }

    private static void check(ZipEntry entry, long size, long total, TableLimits limits) {
        if (total > limits.maxXlsxInflatedBytes()) {
            throw new ImportFileRefusedException("import.file.xlsx-too-large", limits.maxXlsxInflatedBytes() >> 20);
        }
        if (!entry.getName().startsWith("xl/worksheets/") && size > limits.maxXlsxPartBytes()) {
            throw new ImportFileRefusedException("import.file.xlsx-too-large", limits.maxXlsxPartBytes() >> 20);
        }
        long packed = Math.max(1, entry.getCompressedSize());
        if (size >= RATIO_FROM_BYTES && size / packed > limits.maxXlsxRatio()) {
            throw new ImportFileRefusedException("import.file.xlsx-ratio", limits.maxXlsxRatio());
        }
    }
}
