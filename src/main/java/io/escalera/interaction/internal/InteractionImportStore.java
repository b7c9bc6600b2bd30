package io.escalera.interaction.internal;

import io.escalera.interaction.InteractionImport;
import io.escalera.shared.imports.ImportCheck;
import io.escalera.shared.imports.ImportRun;
import io.escalera.shared.imports.ImportStaging;
import io.escalera.shared.imports.StagedRecords;
import io.escalera.shared.imports.ImportSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The SQL of a contact import: staging, the set-based checks, and the writes. */
@Repository
public class InteractionImportStore implements StagedRecords {

    private static final List<String> STAGE_COLUMNS = List.of("import_id", "line", "external_id", "customer_code", "occurred_at",
            "channel", "direction", "reason_name", "summary", "minutes", "resolved_first_contact", "unit_code", "handled_by_name",
            "outcome", "reason", "detail");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ImportStaging staging;

    InteractionImportStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.staging = new ImportStaging(jdbc, "interaction_import_row", "external_id", "customer_code");
    }

    public void stage(long importId, List<InteractionImport.StagedInteraction> rows) {
        staging.write(dataSource, STAGE_COLUMNS, rows.stream().map(r -> new Object[]{importId, r.line(), r.externalId(),
                r.customerCode(), r.occurredAt() == null ? null : Timestamp.from(r.occurredAt()),
                r.channel() == null ? null : r.channel().name(), r.direction() == null ? null : r.direction().name(),
                r.reasonName(), r.summary(), r.minutes(), r.resolvedFirstContact(), r.unitCode(), r.handledByName(),
                r.reasonKey() == null ? null : "REJECT", r.reasonKey(), r.detail()}).toList());
    }

    /** Decides every row's outcome in one pass (first broken rule rejects); rows rejected while read keep their reason. */
    @Override
    public ImportSummary check(ImportRun run) {
        return ImportCheck.of(staging)
                .earlierLines("external_id", "d")
                .join("LEFT JOIN customer c ON c.external_code = r.customer_code")
                .join("LEFT JOIN unit u ON u.code = r.unit_code")
                .join("LEFT JOIN interaction_reason ir ON ir.name = r.reason_name")
                .join("LEFT JOIN interaction i ON i.external_id = r.external_id")
                .keep("r.customer_id = c.id")
                .keep("r.unit_id = COALESCE(u.id, c.home_unit_id)")
                .keep("r.reason_id = ir.id")
                .existingRecord("i.id")
                .rejectWhen("d.first_line IS NOT NULL", "import.reject.duplicate-in-file", "CONCAT('line ', d.first_line)")
                .rejectWhen("c.id IS NULL", "import.reject.unknown-customer", "r.customer_code")
                // the contact's unit is the file's, else the customer's home unit
                .rejectWhen("r.unit_code IS NOT NULL AND u.id IS NULL", "import.reject.unknown-unit", "r.unit_code")
                .rejectWhen(ImportStaging.outOfScope("COALESCE(u.id, c.home_unit_id)"), "import.reject.unit-out-of-scope",
                        "COALESCE(r.unit_code, r.customer_code)")
                .rejectWhen("ir.id IS NULL", "import.reject.unknown-reason", "r.reason_name")
                .rejectWhen("r.minutes < 0 OR r.minutes > 1440", "import.reject.bad-minutes", "CAST(r.minutes AS CHAR)")
                .rejectWhen("r.occurred_at > :now", "import.reject.future-date", "CAST(r.occurred_at AS CHAR)")
                .rejectWhen("i.id IS NOT NULL AND i.customer_id <> c.id",
                        "import.reject.record-of-another-customer", "r.external_id")
                .rejectWhen("i.id IS NOT NULL AND " + ImportStaging.outOfScope("i.unit_id"),
                        "import.reject.record-out-of-scope", "r.external_id")
                .unchangedWhen("i.occurred_at <=> r.occurred_at AND i.channel <=> r.channel "
                        + "AND i.direction <=> r.direction AND i.reason_id <=> ir.id AND i.summary <=> r.summary "
                        + "AND i.minutes <=> r.minutes AND i.resolved_first_contact <=> r.resolved_first_contact "
                        + "AND i.unit_id <=> COALESCE(u.id, c.home_unit_id) AND i.handled_by_name <=> r.handled_by_name")
                .run(jdbc, run);
    }

    /** The first and last day the import touches, old days of changed contacts included; nulls when none. */
    public LocalDate[] affectedDays(long importId) {
        return staging.affectedDays(importId, "occurred_at", "interaction");
    }

    /** Writes the rows checked CREATE or UPDATE (after {@link #check} in the same transaction). */
    @Override
    public void apply(ImportRun run) {
        long importId = run.importId();
        String by = run.actorName();
        Instant now = run.now();
        jdbc.sql("""
                UPDATE interaction i JOIN interaction_import_row r ON r.existing_id = i.id
                SET i.occurred_at = r.occurred_at, i.channel = r.channel, i.direction = r.direction, i.reason_id = r.reason_id,
                    i.summary = r.summary, i.minutes = r.minutes, i.resolved_first_contact = r.resolved_first_contact,
                    i.unit_id = r.unit_id, i.handled_by_name = r.handled_by_name, i.version = i.version + 1
                WHERE r.import_id = ? AND r.outcome = 'UPDATE'""").param(importId).update();
        jdbc.sql("""
                INSERT INTO interaction (id, external_id, customer_id, occurred_at, channel, direction, reason_id, summary,
                                         resolved_first_contact, minutes, handled_by, handled_by_name, unit_id, created_at, version)
                SELECT NEXTVAL(interaction_seq), external_id, customer_id, occurred_at, channel, direction, reason_id, summary,
                       resolved_first_contact, minutes, ?, handled_by_name, unit_id, ?, 0
                FROM interaction_import_row WHERE import_id = ? AND outcome = 'CREATE' ORDER BY line""")
                .params(by, Timestamp.from(now), importId).update();
    }

    @Override
    public ImportStaging staging() {
        return staging;
    }
}
