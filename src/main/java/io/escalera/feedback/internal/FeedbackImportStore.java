package io.escalera.feedback.internal;

import io.escalera.feedback.FeedbackImport;
import io.escalera.shared.imports.ImportCheck;
import io.escalera.shared.imports.ImportRun;
import io.escalera.shared.imports.ImportStaging;
import io.escalera.shared.imports.StagedRecords;
import io.escalera.shared.imports.ImportSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/** The SQL of an answer import: staging, the set-based checks, and the writes. */
@Repository
public class FeedbackImportStore implements StagedRecords {

    private static final List<String> STAGE_COLUMNS = List.of("import_id", "line", "external_id", "customer_code", "answered_at",
            "kind", "score", "comment", "unit_code", "order_external_id", "outcome", "reason", "detail");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ImportStaging staging;

    FeedbackImportStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.staging = new ImportStaging(jdbc, "feedback_import_row", "external_id", "customer_code");
    }

    public void stage(long importId, List<FeedbackImport.StagedAnswer> rows) {
        staging.write(dataSource, STAGE_COLUMNS, rows.stream().map(r -> new Object[]{importId, r.line(), r.externalId(),
                r.customerCode(), r.answeredAt() == null ? null : Timestamp.from(r.answeredAt()),
                r.kind() == null ? null : r.kind().name(), r.score(), r.comment(), r.unitCode(), r.orderExternalId(),
                r.reasonKey() == null ? null : "REJECT", r.reasonKey(), r.detail()}).toList());
    }

    /**
     * Decides every row's outcome in one pass (first broken rule rejects); rows rejected while read keep their reason.
     * The answer's unit is the file's, else the customer's home unit; a unit-scoped importer needs one of theirs.
     */
    @Override
    public ImportSummary check(ImportRun run) {
        String unit = "COALESCE(u.id, c.home_unit_id)";
        return ImportCheck.of(staging)
                .earlierLines("external_id", "d")
                .join("LEFT JOIN customer c ON c.external_code = r.customer_code")
                .join("LEFT JOIN unit u ON u.code = r.unit_code")
                .join("LEFT JOIN customer_order o ON o.external_id = r.order_external_id")
                .join("LEFT JOIN feedback f ON f.external_id = r.external_id")
                .keep("r.customer_id = c.id")
                .keep("r.unit_id = COALESCE(u.id, c.home_unit_id)")
                .keep("r.order_id = o.id")
                .existingRecord("f.id")
                .rejectWhen("d.first_line IS NOT NULL", "import.reject.duplicate-in-file", "CONCAT('line ', d.first_line)")
                .rejectWhen("r.customer_code IS NOT NULL AND c.id IS NULL", "import.reject.unknown-customer", "r.customer_code")
                .rejectWhen("r.unit_code IS NOT NULL AND u.id IS NULL", "import.reject.unknown-unit", "r.unit_code")
                .rejectWhen("NOT :everyUnit AND (" + unit + " IS NULL OR " + ImportStaging.outOfScope(unit) + ")",
                        "import.reject.unit-out-of-scope", "COALESCE(r.unit_code, r.customer_code)")
                .rejectWhen("(r.kind = 'NPS' AND r.score NOT BETWEEN 0 AND 10) OR (r.kind = 'CSAT' AND r.score NOT BETWEEN 1 AND 5)"
                                + " OR (r.kind = 'CES' AND r.score NOT BETWEEN 1 AND 7)",
                        "import.reject.score-out-of-range", "CONCAT(r.kind, ' ', r.score)")
                .rejectWhen("r.answered_at > :now", "import.reject.future-date", "CAST(r.answered_at AS CHAR)")
                .rejectWhen("r.order_external_id IS NOT NULL AND o.id IS NULL",
                        "import.reject.unknown-order", "r.order_external_id")
                .rejectWhen("o.id IS NOT NULL AND NOT (o.customer_id <=> c.id)",
                        "import.reject.order-of-another-customer", "r.order_external_id")
                .rejectWhen("f.id IS NOT NULL AND NOT (f.customer_id <=> c.id)",
                        "import.reject.record-of-another-customer", "r.external_id")
                .rejectWhen("f.id IS NOT NULL AND " + ImportStaging.outOfScope("f.unit_id"),
                        "import.reject.record-out-of-scope", "r.external_id")
                .unchangedWhen("f.answered_at <=> r.answered_at AND f.kind <=> r.kind AND f.score <=> r.score "
                        + "AND f.comment <=> r.comment AND f.unit_id <=> COALESCE(u.id, c.home_unit_id) "
                        + "AND f.order_id <=> o.id")
                .run(jdbc, run);
    }

    /** The first and last day the import touches, old days of changed answers included; nulls when none. */
    public LocalDate[] affectedDays(long importId) {
        return staging.affectedDays(importId, "answered_at", "feedback");
    }

    /** Writes the rows checked CREATE or UPDATE (after {@link #check} in the same transaction). */
    @Override
    public void apply(ImportRun run) {
        long importId = run.importId();
        String by = run.recordedBy();
        jdbc.sql("""
                UPDATE feedback f JOIN feedback_import_row r ON r.existing_id = f.id
                SET f.answered_at = r.answered_at, f.kind = r.kind, f.score = r.score, f.comment = r.comment, f.unit_id = r.unit_id,
                    f.order_id = r.order_id, f.touchpoint = IF(r.order_id IS NULL, 'RELATIONSHIP', 'AFTER_PURCHASE')
                WHERE r.import_id = ? AND r.outcome = 'UPDATE'""").param(importId).update();
        jdbc.sql("""
                INSERT INTO feedback (external_id, customer_id, unit_id, answered_at, kind, score, comment, source, touchpoint,
                                      order_id, recorded_by_name)
                SELECT external_id, customer_id, unit_id, answered_at, kind, score, comment, 'IMPORT',
                       IF(order_id IS NULL, 'RELATIONSHIP', 'AFTER_PURCHASE'), order_id, ?
                FROM feedback_import_row WHERE import_id = ? AND outcome = 'CREATE' ORDER BY line""")
                .params(by, importId).update();
    }

    @Override
    public ImportStaging staging() {
        return staging;
    }
}
