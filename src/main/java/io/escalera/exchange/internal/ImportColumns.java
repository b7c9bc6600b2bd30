package io.escalera.exchange.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each mapped field is in a file's lines. */
record ImportColumns(Map<String, Integer> indexes) {

    static ImportColumns of(List<String> headers, Map<String, String> mapping) {
        Map<String, Integer> indexes = new HashMap<>();
        mapping.forEach((field, header) -> {
            int index = headers.indexOf(header);
            if (index >= 0) {
                indexes.put(field, index);
            }
        });
        return new ImportColumns(indexes);
    }

    String cell(TabularFile.Line line, String field) {
        Integer index = indexes.get(field);
        return index == null ? null : line.cell(index);
    }
}
