package io.escalera.exchange;

import io.escalera.exchange.internal.ImportLimits;
import io.escalera.exchange.internal.ImportRunner;
import io.escalera.exchange.internal.ImportStore;
import io.escalera.exchange.internal.ImportTarget;
import io.escalera.exchange.internal.ImportValues;
import io.escalera.exchange.internal.TabularFile;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.NotFoundException;
import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports of files (CSV or XLSX) by MANAGER and ADMIN: upload, map the columns (remembered per file layout), a dry
 * run that counts what would be created, changed, left alone or rejected (each rejected line with its reason), then
 * the commit — all good rows in one transaction. Both run in the background; the job's row shows the progress.
 */
@Service
@RolesAllowed({"MANAGER", "ADMIN"})
public class Imports {

    private static final int SAMPLE_ROWS = 5;

    private final ImportStore store;
    private final ImportRunner runner;
    private final ImportTarget.Targets targets;
    private final SignedInUsers signedIn;
    private final Clock clock;
    private final Path directory;
    private final ImportLimits limits;

    Imports(ImportStore store, ImportRunner runner, ImportTarget.Targets targets, SignedInUsers signedIn, Clock clock,
            @Value("${escalera.import.directory:${ESCALERA_DATA_DIR:./data}/imports}") String directory, ImportLimits limits) {
        this.store = store;
        this.runner = runner;
        this.targets = targets;
        this.signedIn = signedIn;
        this.clock = clock;
        this.directory = Path.of(directory);
        this.limits = limits;
    }

    /** The kinds of record the signed-in user may import (units only for an ADMIN). */
    public List<ImportKind> kinds() {
        String role = role();
        return Arrays.stream(ImportKind.values()).filter(k -> k.allowedFor(role)).toList();
    }

    private String role() {
        return signedIn.authenticated().map(u -> u.role().name()).orElse("ADMIN");
    }

    /** The largest file an upload takes, in bytes (setting {@code escalera.import.max-upload-size}). */
    public long maxUploadBytes() {
        return limits.maxUploadBytes();
    }

    /**
     * Keeps the uploaded file (until it is committed or discarded) and opens a job for it.
     *
     * @throws ImportFileRefusedException when the file is larger than {@link #maxUploadBytes()} (nothing of it is
     *                                    kept) or its header passes a limit of the table
     */
    public ImportJob upload(ImportKind kind, String fileName, InputStream content) {
        if (!kind.allowedFor(role())) {
            throw FieldErrorsException.of("kind", "import.kind.not-yours");
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv") || lower.endsWith(".xlsx"))) {
            throw FieldErrorsException.of("file", "import.file.type");
        }
        try {
            Files.createDirectories(directory);
            Path stored = directory.resolve(UUID.randomUUID() + (lower.endsWith(".xlsx") ? ".xlsx" : ".csv"));
            copyAtMost(content, stored, limits.maxUploadBytes());
            List<String> headers;
            try {
                headers = TabularFile.open(stored, name, limits.table()).headers();
            } catch (ImportFileRefusedException e) {
                Files.deleteIfExists(stored);
                throw e;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(stored);
                throw FieldErrorsException.of("file", "import.file.unreadable");
            }
            if (headers.isEmpty()) {
                Files.deleteIfExists(stored);
                throw FieldErrorsException.of("file", "import.file.empty");
            }
            long id = store.insert(kind, name, stored.toString(), signedIn.actorName(), clock.instant());
            return store.job(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headers, first rows and the mapping to offer: the one remembered for these headers, else a guess by name. */
    public ImportLayout layout(long jobId) {
        ImportJob job = job(jobId);
        try {
            TabularFile table = TabularFile.open(Path.of(store.storedAs(jobId)), job.fileName(), limits.table());
            List<String> headers = table.headers();
            List<List<String>> sample = new ArrayList<>();
            try (TabularFile.Rows rows = table.rows()) {
                if (rows.hasNext()) {
                    rows.next();
                }
                while (rows.hasNext() && sample.size() < SAMPLE_ROWS) {
                    sample.add(rows.next().cells());
                }
            } catch (ImportFileRefusedException e) {
                // the sample ends before a line the check refuses, and the check says which line and why
            }
            var remembered = store.rememberedMapping(job.kind(), layoutKey(headers)).map(Imports::parse)
                    .filter(m -> headers.containsAll(m.values()));
            return new ImportLayout(headers, sample, remembered.orElseGet(() -> guess(job.kind(), headers)), remembered.isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the dry run with a mapping (field → header); every required field must be mapped. */
    public ImportJob check(long jobId, Map<String, String> mapping) {
        ImportJob job = job(jobId);
        ImportLayout layout = layout(jobId);
        List<FieldErrorsException.FieldError> errors = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        mapping.forEach((field, header) -> {
            if (header != null && !header.isBlank()) {
                mapped.add(field);
            }
        });
        job.kind().missing(mapped).forEach(field -> errors.add(new FieldErrorsException.FieldError(field, "import.mapping.required")));
        for (ImportKind.ImportField field : job.kind().fields()) {
            String header = mapping.get(field.key());
            if (header != null && !header.isBlank() && !layout.headers().contains(header)) {
                errors.add(new FieldErrorsException.FieldError(field.key(), "import.mapping.unknown-column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        Map<String, String> clean = new LinkedHashMap<>();
        mapping.forEach((field, header) -> {
            if (header != null && !header.isBlank()) {
                clean.put(field, header);
            }
        });
        String text = format(clean);
        boolean checkable = job.status() == ImportJob.Status.UPLOADED || job.status() == ImportJob.Status.CHECKED
                || job.status() == ImportJob.Status.FAILED;
        if (!checkable || !store.move(jobId, job.status(), ImportJob.Status.CHECKING, text)) {
            throw new ActionRefusedException("import.not-now");
        }
        store.rememberMapping(job.kind(), layoutKey(layout.headers()), text, clock.instant());
        ImportJob checking = job(jobId);
        runner.startCheck(checking, clean);
        return checking;
    }

    /** Starts writing the checked file's good rows (one transaction). */
    public ImportJob commit(long jobId) {
        ImportJob job = job(jobId);
        if (job.status() != ImportJob.Status.CHECKED || !store.move(jobId, ImportJob.Status.CHECKED, ImportJob.Status.COMMITTING, null)) {
            throw new ActionRefusedException("import.not-now");
        }
        ImportJob committing = job(jobId);
        runner.startCommit(committing);
        return committing;
    }

    /**
     * Drops an import that is neither running nor done (nor discarded already): its staged rows and its file. A done
     * import's rows are written; calling it discarded would hide that.
     */
    public ImportJob discard(long jobId) {
        ImportJob job = job(jobId);
        boolean discardable = !job.status().running() && job.status() != ImportJob.Status.DONE
                && job.status() != ImportJob.Status.DISCARDED;
        if (!discardable || !store.move(jobId, job.status(), ImportJob.Status.DISCARDED, null)) {
            throw new ActionRefusedException("import.not-now");
        }
        targets.of(job.kind()).discard(jobId);
        try {
            Files.deleteIfExists(Path.of(store.storedAs(jobId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return job(jobId);
    }

    /** A job of the signed-in user (any job for an ADMIN). */
    public ImportJob job(long id) {
        return store.job(id).filter(this::mine).orElseThrow(() -> new NotFoundException("import", id));
    }

    /** The newest imports: the user's own, or everyone's for an ADMIN. */
    public List<ImportJob> recent(int limit) {
        return store.recent(isAdmin() ? null : signedIn.actorName(), limit);
    }

    public List<ImportReject> rejects(long jobId, long offset, int limit) {
        return targets.of(job(jobId).kind()).rejects(jobId, offset, limit);
    }

    /** Copies an upload to its file, stopping (and deleting the file) at the first byte over {@code max}. */
    private static void copyAtMost(InputStream content, Path stored, long max) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (var out = Files.newOutputStream(stored)) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                copied += n;
                if (copied > max) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        if (copied > max) {
            Files.deleteIfExists(stored);
            throw new ImportFileRefusedException("import.file.too-large", max >> 20);
        }
    }

    private boolean mine(ImportJob job) {
        return isAdmin() || job.createdBy().equals(signedIn.actorName());
    }

    private boolean isAdmin() {
        return signedIn.authenticated().map(u -> u.role() == Role.ADMIN).orElse(true);
    }


    static Map<String, String> guess(ImportKind kind, List<String> headers) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (ImportKind.ImportField field : kind.fields()) {
            List<String> names = new ArrayList<>(List.of(field.synonyms()));
            names.addFirst(field.key());
            for (String header : headers) {
                String plain = ImportValues.plain(header);
                if (names.stream().anyMatch(n -> ImportValues.plain(n).equals(plain)) && !mapping.containsValue(header)) {
                    mapping.put(field.key(), header);
                    break;
                }
            }
        }
        return mapping;
    }

    static String layoutKey(List<String> headers) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(headers.stream().map(ImportValues::plain)
                    .collect(Collectors.joining("\u0001")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** field=header lines: headers may hold any character but a line break. */
    private static String format(Map<String, String> mapping) {
        return mapping.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\n", " ")).collect(Collectors.joining("\n"));
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                mapping.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return mapping;
    }
}
