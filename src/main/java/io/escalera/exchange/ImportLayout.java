package io.escalera.exchange;

import java.util.List;
import java.util.Map;

/**
 * What the mapping step shows: the file's headers, a few rows, and a mapping of fields to headers — the one used the
 * last time a file with these headers was imported, or else guessed from the headers' names.
 */
public record ImportLayout(List<String> headers, List<List<String>> sample, Map<String, String> mapping, boolean remembered) {
}
