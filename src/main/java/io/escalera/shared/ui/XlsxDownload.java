package io.escalera.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * "Export XLSX" for a table on screen: the first row is the header (bold), numbers are written as numbers, the rest
 * as text. The workbook is streamed to the browser as it is written.
 */
public final class XlsxDownload {

    private XlsxDownload() {
    }

    public static Anchor link(String text, String fileName, String sheetName, Supplier<List<List<String>>> rows) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            write(rows.get(), sheetName, out);
            byte[] bytes = out.toByteArray();
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes), fileName,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), "");
        link.add(VaadinIcon.FILE_TABLE.create());
        link.add(" " + text);
        link.getElement().setAttribute("download", true);
        return link;
    }

    public static void write(List<List<String>> rows, String sheetName, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Escalera", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String value = row.get(c);
                    if (value == null || value.isEmpty()) {
                        continue;
                    }
                    if (r > 0 && value.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?")) {
                        sheet.value(r, c, Double.parseDouble(value));
                    } else {
                        sheet.value(r, c, value);
                    }
                }
                if (r == 0) {
                    sheet.range(0, 0, 0, Math.max(0, row.size() - 1)).style().bold().set();
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
