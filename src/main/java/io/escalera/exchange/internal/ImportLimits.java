package io.escalera.exchange.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The import limits an operator sets (application properties, as the import folder): the largest upload
 * ({@code escalera.import.max-upload-size}, default 200MB) and the most rows of one file
 * ({@code escalera.import.max-rows}, default 5,000,000). The other limits are fixed: see {@link TableLimits}.
 */
@Component
public class ImportLimits {

    private final long maxUploadBytes;
    private final TableLimits table;

    public ImportLimits(@Value("${escalera.import.max-upload-size:200MB}") DataSize maxUploadSize,
                        @Value("${escalera.import.max-rows:5000000}") long maxRows) {
        this.maxUploadBytes = maxUploadSize.toBytes();
        this.table = TableLimits.DEFAULTS.withMaxRows(maxRows);
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** The largest upload in whole megabytes (MB of 1,048,576 bytes), as the messages say it. */
    public long maxUploadMegabytes() {
        return maxUploadBytes >> 20;
    }

    public TableLimits table() {
        return table;
    }
}
