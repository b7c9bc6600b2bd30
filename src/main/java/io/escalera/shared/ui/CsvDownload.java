package io.escalera.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.escalera.shared.TableWriter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * "Export CSV" for a table on screen: RFC 4180 quoting, UTF-8 with a byte-order mark so that spreadsheet programs
 * read accents right. The rows are taken when the link is clicked, so the file has what the screen shows then.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** A link that downloads {@code rows} (the first one is the header) as {@code fileName}. */
    public static Anchor link(String text, String fileName, Supplier<List<List<String>>> rows) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = csv(rows.get()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), fileName, "text/csv;charset=UTF-8", csv.length);
        }), "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create());
        link.add(" " + text);
        link.getElement().setAttribute("download", true);
        return link;
    }

    public static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(field(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String field(String value) {
        return TableWriter.Csv.field(value);
    }
}
