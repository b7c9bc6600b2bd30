package io.escalera.customer.internal;

import io.escalera.customer.ReferralImport;
import io.escalera.shared.imports.ImportCheck;
import io.escalera.shared.imports.ImportRun;
import io.escalera.shared.imports.ImportStaging;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.imports.StagedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Date;
import java.util.List;

/** The SQL of a referral import: staging, the set-based check, and the writes. */
@Repository
public class ReferralImportStore implements StagedRecords {

    private static final List<String> STAGE_COLUMNS = List.of("import_id", "line", "referrer_code", "referred_code", "referred_on",
            "outcome", "reason", "detail");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ImportStaging staging;

    ReferralImportStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.staging = new ImportStaging(jdbc, "referral_import_row", "referred_code", "referrer_code");
    }

    public void stage(long importId, List<ReferralImport.StagedReferral> rows) {
        staging.write(dataSource, STAGE_COLUMNS, rows.stream().map(r -> new Object[]{importId, r.line(), r.referrerCode(),
                r.referredCode(), r.referredOn() == null ? null : Date.valueOf(r.referredOn()),
                r.reasonKey() == null ? null : "REJECT", r.reasonKey(), r.detail()}).toList());
    }

    /** Every row's outcome in one pass; a referral is the referred customer's, matched by them. */
    @Override
    public ImportSummary check(ImportRun run) {
        return ImportCheck.of(staging)
                .earlierLines("referred_code", "d")
                .join("LEFT JOIN customer rr ON rr.external_code = r.referrer_code")
                .join("LEFT JOIN customer rd ON rd.external_code = r.referred_code")
                .join("LEFT JOIN referral x ON x.referred_id = rd.id")
                .keep("r.referrer_id = rr.id")
                .keep("r.referred_id = rd.id")
                .existingRecord("x.id")
                .rejectWhen("d.first_line IS NOT NULL", "import.reject.duplicate-in-file", "CONCAT('line ', d.first_line)")
                .rejectWhen("rr.id IS NULL", "import.reject.unknown-referrer", "r.referrer_code")
                .rejectWhen("rd.id IS NULL", "import.reject.unknown-customer", "r.referred_code")
                .rejectWhen("rr.id = rd.id", "import.reject.self-referral", "r.referred_code")
                .rejectWhen(ImportStaging.outOfScope("rr.home_unit_id") + " OR " + ImportStaging.outOfScope("rd.home_unit_id"),
                        "import.reject.customer-out-of-scope", "r.referred_code")
                .rejectWhen("r.referred_on > :today", "import.reject.future-date", "CAST(r.referred_on AS CHAR)")
                .unchangedWhen("x.referrer_id <=> rr.id AND x.referred_on <=> r.referred_on")
                .run(jdbc, run);
    }

    /** Writes the rows checked CREATE or UPDATE (after {@link #check}, same transaction). */
    @Override
    public void apply(ImportRun run) {
        jdbc.sql("""
                UPDATE referral x JOIN referral_import_row r ON r.existing_id = x.id
                SET x.referrer_id = r.referrer_id, x.referred_on = r.referred_on, x.created_by = ?
                WHERE r.import_id = ? AND r.outcome = 'UPDATE'""").params(run.actorName(), run.importId()).update();
        jdbc.sql("""
                INSERT INTO referral (id, referrer_id, referred_id, referred_on, created_by)
                SELECT NEXTVAL(referral_seq), referrer_id, referred_id, referred_on, ?
                FROM referral_import_row WHERE import_id = ? AND outcome = 'CREATE' ORDER BY line""")
                .params(run.actorName(), run.importId()).update();
    }

    @Override
    public ImportStaging staging() {
        return staging;
    }
}
