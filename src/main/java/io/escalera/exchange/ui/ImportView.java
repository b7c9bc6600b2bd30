package io.escalera.exchange.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.TemporaryFileUploadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import io.escalera.customer.OrderImport;
import io.escalera.exchange.ImportFileRefusedException;
import io.escalera.exchange.ImportJob;
import io.escalera.exchange.ImportKind;
import io.escalera.exchange.ImportLayout;
import io.escalera.exchange.Imports;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.Pages;
import io.escalera.shared.TableWriter;
import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import io.escalera.shared.ui.PagePolling;
import jakarta.annotation.security.RolesAllowed;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MANAGER and ADMIN: import orders from a CSV or XLSX file. Upload, map the columns (the last mapping of a file with
 * the same headers comes back), run the dry run, read what would happen and why lines are rejected (and download
 * them), then import. The work runs in the background: the page can be left, and the import opened again below.
 */
@Route("import")
@Menu(title = "nav.import", order = 85, icon = "vaadin:upload")
@RolesAllowed({"MANAGER", "ADMIN"})
public class ImportView extends VerticalLayout implements LocalizedTitle {

    private static final int RECENT = 20;

    private final Imports imports;
    private final VerticalLayout step = new VerticalLayout();
    private final Grid<ImportJob> recent = new Grid<>();
    private ImportJob job;
    private final PagePolling polling = new PagePolling();

    public ImportView(Imports imports) {
        this.imports = imports;
        setSizeFull();
        step.setPadding(false);
        recent.addColumn(ImportJob::fileName).setHeader(getTranslation("import.file")).setFlexGrow(2);
        recent.addColumn(j -> Formats.dateTime(j.createdAt(), getLocale())).setHeader(getTranslation("import.started")).setAutoWidth(true);
        recent.addColumn(j -> getTranslation("import.status." + j.status())).setHeader(getTranslation("import.status")).setAutoWidth(true);
        recent.addColumn(j -> getTranslation("import.counts", j.created(), j.updated(), j.unchanged(), j.rejected()))
                .setHeader(getTranslation("import.result")).setFlexGrow(2);
        recent.addColumn(ImportJob::createdBy).setHeader(getTranslation("import.by")).setAutoWidth(true);
        recent.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        recent.setEmptyStateText(getTranslation("import.none"));
        recent.addItemClickListener(e -> open(e.getItem()));
        recent.setHeight("16rem");
        add(new Paragraph(getTranslation("import.explanation")), step, new H3(getTranslation("import.recent")), recent);
        showUpload();
        refreshRecent();
    }

    private void refreshRecent() {
        recent.setItems(imports.recent(RECENT));
    }

    private void open(ImportJob selected) {
        job = imports.job(selected.id());
        switch (job.status()) {
            case UPLOADED -> showMapping();
            case CHECKING, COMMITTING -> showRunning();
            case CHECKED -> showChecked();
            case DONE -> showDone();
            case FAILED -> showFailed();
            case DISCARDED -> {
                // discarded while it ran (here or by someone else): say that its result was dropped
                if (job.error() != null) {
                    Notifications.error(errorText(job.error()));
                }
                showUpload();
            }
        }
    }

    private void showUpload() {
        job = null;
        step.removeAll();
        UI ui = UI.getCurrent();
        Select<ImportKind> kind = new Select<>();
        kind.setId("import-kind");
        kind.setLabel(getTranslation("import.kind"));
        kind.setItems(imports.kinds());
        kind.setItemLabelGenerator(k -> getTranslation("import.kind." + k));
        kind.setValue(ImportKind.ORDERS);
        long maxBytes = imports.maxUploadBytes();
        // the handler stops a larger upload before it is written out (the service checks again while it copies)
        Upload upload = new Upload(new TemporaryFileUploadHandler((metadata, file) -> {
            try (InputStream in = new FileInputStream(file)) {
                ImportJob uploaded = imports.upload(kind.getValue(), metadata.fileName(), in);
                ui.access(() -> {
                    job = uploaded;
                    refreshRecent();
                    showMapping();
                });
            } catch (FieldErrorsException e) {
                ui.access(() -> Notifications.error(getTranslation(e.errors().getFirst().messageKey())));
            } catch (ImportFileRefusedException e) {
                ui.access(() -> Notifications.error(getTranslation(e.messageKey(), e.args())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    Files.deleteIfExists(file.toPath());
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }) {
            @Override
            public long getFileSizeMax() {
                return maxBytes;
            }
        });
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("import.file.too-large", maxBytes >> 20)));
        upload.setAcceptedFileTypes(".csv", ".txt", ".tsv", ".xlsx");
        upload.setDropLabel(new Span(getTranslation("import.drop")));
        step.add(new H3(getTranslation("import.step.upload")), kind, new Paragraph(getTranslation("import.upload.help")), upload);
    }

    private void showMapping() {
        step.removeAll();
        ImportLayout layout = imports.layout(job.id());
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        Map<String, ComboBox<String>> fields = new LinkedHashMap<>();
        for (ImportKind.ImportField field : job.kind().fields()) {
            ComboBox<String> column = new ComboBox<>(getTranslation("import.field." + field.key()) + (field.required() ? " *" : ""));
            column.setId("import-field-" + field.key());
            column.setItems(layout.headers());
            column.setClearButtonVisible(true);
            column.setValue(layout.mapping().get(field.key()));
            fields.put(field.key(), column);
            form.add(column);
        }
        Grid<List<String>> sample = new Grid<>();
        for (int i = 0; i < layout.headers().size(); i++) {
            int index = i;
            sample.addColumn(row -> index < row.size() ? row.get(index) : "").setHeader(layout.headers().get(i)).setAutoWidth(true);
        }
        sample.setItems(layout.sample());
        sample.setAllRowsVisible(true);
        sample.addThemeVariants(GridVariant.LUMO_COMPACT);
        Button check = new Button(getTranslation("import.check"), e -> {
            Map<String, String> mapping = new LinkedHashMap<>();
            fields.forEach((key, box) -> mapping.put(key, box.getValue()));
            fields.values().forEach(box -> box.setInvalid(false));
            try {
                job = imports.check(job.id(), mapping);
                showRunning();
            } catch (FieldErrorsException invalid) {
                invalid.errors().forEach(error -> {
                    ComboBox<String> box = fields.get(error.field());
                    if (box != null) {
                        box.setErrorMessage(getTranslation(error.messageKey()));
                        box.setInvalid(true);
                    }
                });
            }
        });
        check.setId("import-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        step.add(new H3(getTranslation("import.step.mapping", job.fileName())),
                new Paragraph(getTranslation(layout.remembered() ? "import.mapping.remembered" : "import.mapping.guessed")),
                form, new Span(getTranslation("import.sample")), sample, new HorizontalLayout(check, discardButton()));
    }

    private void showRunning() {
        step.removeAll();
        ProgressBar progress = new ProgressBar(0, 1, job.progress());
        progress.setId("import-progress");
        Span status = new Span();
        step.add(new H3(getTranslation("import.running." + job.status(), job.fileName())), progress, status,
                new Paragraph(getTranslation("import.running.leave")));
        polling.start(700, e -> {
            job = imports.job(job.id());
            progress.setValue(Math.max(0, Math.min(1, job.progress())));
            status.setText(getTranslation("import.rows-read", Formats.number(job.rowsRead(), getLocale())));
            if (!job.status().running()) {
                polling.stop();
                refreshRecent();
                open(job);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        // the import goes on without the page; opened again from the list below
        polling.stop();
    }

    private void showChecked() {
        step.removeAll();
        Grid<ImportReject> rejects = rejectsGrid();
        Button commit = new Button(getTranslation("import.commit", Formats.number(job.good(), getLocale())), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("import.commit.title"),
                    getTranslation("import.commit.text", job.created(), job.updated(), job.rejected()),
                    getTranslation("import.commit.confirm"), ok -> {
                job = imports.commit(job.id());
                showRunning();
            });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        commit.setId("import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setEnabled(job.good() > 0);
        Button remap = new Button(getTranslation("import.remap"), e -> showMapping());
        step.add(new H3(getTranslation("import.step.checked", job.fileName())), counts(),
                new HorizontalLayout(commit, remap, discardButton()), rejects);
    }

    private void showDone() {
        step.removeAll();
        Button another = new Button(getTranslation("import.another"), e -> showUpload());
        step.add(new H3(getTranslation("import.step.done", job.fileName())), counts(),
                new Paragraph(getTranslation("import.done.facts")), another, rejectsGrid());
    }

    private void showFailed() {
        step.removeAll();
        Button retry = new Button(getTranslation("import.retry"), e -> showMapping());
        step.add(new H3(getTranslation("import.step.failed", job.fileName())), new Paragraph(getTranslation("import.failed.nothing")),
                new Paragraph(errorText(job.error())), new HorizontalLayout(retry, discardButton()));
    }

    /** A failed job's cause: a message key with its arguments ({@code key|arg|…}, see ImportFileRefusedException), or a text. */
    private String errorText(String error) {
        if (error == null || !error.startsWith("import.")) {
            return error == null ? "" : error;
        }
        List<String> parts = ImportFileRefusedException.parseStored(error);
        return getTranslation(parts.getFirst(), parts.subList(1, parts.size()).toArray());
    }

    private Span counts() {
        Span counts = new Span(getTranslation("import.counts.long", Formats.number(job.created(), getLocale()),
                Formats.number(job.updated(), getLocale()), Formats.number(job.unchanged(), getLocale()),
                Formats.number(job.rejected(), getLocale())));
        counts.setId("import-counts");
        return counts;
    }

    private Grid<ImportReject> rejectsGrid() {
        Grid<ImportReject> grid = new Grid<>();
        grid.setId("import-rejects");
        grid.addColumn(ImportReject::line).setHeader(getTranslation("import.reject.line")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.reasonKey())).setHeader(getTranslation("import.reject.reason")).setFlexGrow(2);
        grid.addColumn(r -> r.detail() == null ? "" : r.detail()).setHeader(getTranslation("import.reject.detail")).setFlexGrow(1);
        grid.addColumn(ImportReject::key).setHeader(keyHeader()).setAutoWidth(true);
        grid.addColumn(ImportReject::reference).setHeader(referenceHeader()).setAutoWidth(true);
        long jobId = job.id();
        grid.setItems(query -> imports.rejects(jobId, query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText(getTranslation("import.rejects.none"));
        grid.setHeight("20rem");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        if (job.rejected() > 0) {
            Anchor download = new Anchor(rejectsDownload(jobId), "");
            download.add(VaadinIcon.DOWNLOAD_ALT.create());
            download.add(" " + getTranslation("import.rejects.download"));
            download.getElement().setAttribute("download", true);
            download.setId("import-rejects-download");
            step.add(download);
        }
        return grid;
    }

    /** The rejected lines as CSV (line, reason, detail, order id, customer code), streamed page by page. */
    private DownloadHandler rejectsDownload(long jobId) {
        return event -> {
            event.setFileName("rejects-" + jobId + ".csv");
            event.setContentType(TableWriter.Format.CSV.contentType());
            OutputStream out = event.getOutputStream();
            try (TableWriter writer = TableWriter.of(TableWriter.Format.CSV, out, null)) {
                writer.row(List.of(getTranslation("import.reject.line"), getTranslation("import.reject.reason"),
                        getTranslation("import.reject.detail"), keyHeader(), referenceHeader()));
                Pages.forEach(10_000, (offset, limit) -> imports.rejects(jobId, offset, limit),
                        r -> writer.row(Arrays.asList(r.line(), getTranslation(r.reasonKey()), r.detail(), r.key(), r.reference())));
            }
        };
    }

    /** A rejected row's own id (order id, customer code) and what it refers to (the customer, the name). */
    private String keyHeader() {
        return getTranslation("import.field." + job.kind().keyField());
    }

    private String referenceHeader() {
        return getTranslation("import.field." + job.kind().referenceField());
    }

    private Button discardButton() {
        Button discard = new Button(getTranslation("import.discard"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("import.discard.title"), getTranslation("import.discard.text"),
                    getTranslation("import.discard"), ok -> {
                imports.discard(job.id());
                refreshRecent();
                showUpload();
            });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        discard.setId("import-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return discard;
    }

    @Override
    public String titleKey() {
        return "nav.import";
    }
}
