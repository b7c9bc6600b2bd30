package io.escalera.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.escalera.shared.TableWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * "Export XLSX" for a table on screen: the first row is the header (bold), numbers are written as numbers, the rest
 * as text. The workbook is streamed to the browser as it is written.
 */
public final class XlsxDownload {

    private XlsxDownload() {
    }

    public static Anchor link(String text, String fileName, String sheetName, Supplier<List<List<String>>> rows) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(rows.get(), sheetName, out);
            byte[] bytes = out.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), "");
        link.add(VaadinIcon.FILE_TABLE.create());
        link.add(" " + text);
        link.getElement().setAttribute("download", true);
        return link;
    }

    /** Numbers (below the header) are written as numbers, the rest as text. */
    public static void write(List<List<String>> rows, String sheetName, OutputStream out) {
        try (TableWriter writer = TableWriter.of(TableWriter.Format.XLSX, out, sheetName)) {
            for (int r = 0; r < rows.size(); r++) {
                boolean header = r == 0;
                writer.row(rows.get(r).stream().<Object>map(value -> value == null || value.isEmpty() ? null
                        : !header && NUMBER.matcher(value).matches() ? new BigDecimal(value) : value).toList());
            }
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
}
