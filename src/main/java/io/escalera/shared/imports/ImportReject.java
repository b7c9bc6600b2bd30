package io.escalera.shared.imports;

/**
 * A rejected row of an import: its line in the file, why (a message key, with a detail such as the bad value), and
 * the row's key fields — the record's own id or code, and the customer it belongs to (orders) or its name (customers).
 */
public record ImportReject(int line, String reasonKey, String detail, String key, String reference) {
}
