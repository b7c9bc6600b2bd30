package io.escalera.admin.internal;

import io.escalera.admin.UnitImport;
import io.escalera.shared.imports.ImportCheck;
import io.escalera.shared.imports.ImportRun;
import io.escalera.shared.imports.ImportStaging;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.imports.StagedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.util.List;

/** The SQL of a unit import: staging, the set-based check (a parent region of the file counts), and the writes. */
@Repository
public class UnitImportStore implements StagedRecords {

    private static final List<String> STAGE_COLUMNS = List.of("import_id", "line", "code", "name", "kind", "parent_code", "outcome",
            "reason", "detail");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ImportStaging staging;

    UnitImportStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.staging = new ImportStaging(jdbc, "unit_import_row", "code", "name");
    }

    public void stage(long importId, List<UnitImport.StagedUnit> rows) {
        staging.write(dataSource, STAGE_COLUMNS, rows.stream().map(r -> new Object[]{importId, r.line(), r.code(), r.name(),
                r.kind() == null ? null : r.kind().name(), r.parentCode(), r.reasonKey() == null ? null : "REJECT", r.reasonKey(),
                r.detail()}).toList());
    }

    /**
     * Every row's outcome in one pass, then the rows whose region (a line of the same file) was rejected: they would
     * point at a unit that will not exist.
     */
    @Override
    public ImportSummary check(ImportRun run) {
        ImportCheck.of(staging)
                .earlierLines("code", "d")
                .join("LEFT JOIN unit x ON x.code = r.code")
                .join("LEFT JOIN unit p ON p.code = r.parent_code")
                // the parent as a line of this file (its first line, if repeated)
                .join("""
                        LEFT JOIN (SELECT code, MIN(line) AS line, MIN(kind) AS kind FROM unit_import_row
                                   WHERE import_id = :importId AND (reason IS NULL OR reason NOT LIKE 'import.format.%')
                                   GROUP BY code) f ON f.code = r.parent_code""")
                .keep("r.parent_id = p.id")
                .existingRecord("x.id")
                .rejectWhen("d.first_line IS NOT NULL", "import.reject.duplicate-in-file", "CONCAT('line ', d.first_line)")
                .rejectWhen("r.parent_code IS NOT NULL AND r.parent_code = r.code", "import.reject.unit-own-parent", "r.parent_code")
                .rejectWhen("r.parent_code IS NOT NULL AND p.id IS NULL AND f.code IS NULL", "import.reject.unknown-unit", "r.parent_code")
                .rejectWhen("r.parent_code IS NOT NULL AND COALESCE(f.kind, p.kind) <> 'REGION'", "import.reject.parent-not-region",
                        "r.parent_code")
                .rejectWhen("r.kind = 'REGION' AND r.parent_code IS NOT NULL", "import.reject.region-under-region", "r.parent_code")
                .rejectWhen("x.id IS NOT NULL AND x.kind = 'REGION' AND r.kind <> 'REGION' AND EXISTS "
                        + "(SELECT 1 FROM unit c WHERE c.parent_id = x.id)", "import.reject.region-with-units", "r.code")
                .unchangedWhen("x.name <=> r.name AND x.kind <=> r.kind AND x.parent_id <=> p.id "
                        + "AND (r.parent_code IS NULL OR p.id IS NOT NULL)")
                .run(jdbc, run);
        // a line under a region of the file that was itself rejected
        run.bind(jdbc.sql("""
                UPDATE unit_import_row r JOIN unit_import_row f ON f.import_id = r.import_id AND f.code = r.parent_code
                SET r.outcome = 'REJECT', r.reason = 'import.reject.parent-rejected', r.detail = CONCAT('line ', f.line)
                WHERE r.import_id = :importId AND r.outcome <> 'REJECT' AND f.outcome = 'REJECT'
                  AND NOT EXISTS (SELECT 1 FROM unit p WHERE p.code = r.parent_code)""")).update();
        return staging.summary(run.importId());
    }

    /** Writes the rows checked CREATE or UPDATE, new units first, then every parent (a region of the file now exists). */
    @Override
    public void apply(ImportRun run) {
        jdbc.sql("""
                UPDATE unit x JOIN unit_import_row r ON r.existing_id = x.id
                SET x.name = r.name, x.kind = r.kind, x.version = x.version + 1
                WHERE r.import_id = ? AND r.outcome = 'UPDATE'""").param(run.importId()).update();
        jdbc.sql("""
                INSERT INTO unit (id, code, name, kind, parent_id, version)
                SELECT NEXTVAL(unit_seq), code, name, kind, NULL, 0
                FROM unit_import_row WHERE import_id = ? AND outcome = 'CREATE' ORDER BY line""").param(run.importId()).update();
        jdbc.sql("""
                UPDATE unit x JOIN unit_import_row r ON r.code = x.code LEFT JOIN unit p ON p.code = r.parent_code
                SET x.parent_id = p.id
                WHERE r.import_id = ? AND r.outcome IN ('CREATE', 'UPDATE')""").param(run.importId()).update();
    }

    @Override
    public ImportStaging staging() {
        return staging;
    }
}
