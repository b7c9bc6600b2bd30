package io.escalera.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.escalera.shared.TableWriter;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A download link whose file is written straight into the response when it is clicked (a whole list, with the
 * filters of that moment), for exports too large to build in memory first.
 */
public final class StreamingDownload {

    private StreamingDownload() {
    }

    public static Anchor link(String text, Supplier<String> fileName, TableWriter.Format format,
                              Consumer<OutputStream> write) {
        Anchor link = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName.get());
            event.setContentType(format.contentType());
            write.accept(event.getOutputStream());
        }, "");
        link.add((format == TableWriter.Format.CSV ? VaadinIcon.DOWNLOAD_ALT : VaadinIcon.FILE_TABLE).create());
        link.add(" " + text);
        link.getElement().setAttribute("download", true);
        return link;
    }

    /**
     * "Export CSV" and "Export XLSX" for a list: files named {@code <name>-<today>.csv|xlsx}, links with ids
     * {@code <name>-export-csv|xlsx}, each written by {@code write} when clicked.
     */
    public static List<Anchor> exportLinks(Component owner, String name,
                                           BiConsumer<TableWriter.Format, OutputStream> write) {
        return Arrays.stream(TableWriter.Format.values()).map(format -> {
            Anchor link = link(owner.getTranslation("list.export." + format.extension()),
                    () -> name + "-" + LocalDate.now() + "." + format.extension(), format, out -> write.accept(format, out));
            link.setId(name + "-export-" + format.extension());
            return link;
        }).toList();
    }
}
