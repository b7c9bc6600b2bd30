package io.escalera.customer.internal;

import io.escalera.shared.imports.ImportCheck;
import io.escalera.shared.imports.ImportRun;
import io.escalera.shared.imports.ImportStaging;
import io.escalera.shared.imports.StagedRecords;
import io.escalera.customer.CustomerImport;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.jdbc.RowWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The SQL of a customer import: staging, the set-based check, and the writes (with the name-word index). */
@Repository
public class CustomerImportStore implements StagedRecords {

    private static final List<String> STAGE_COLUMNS = List.of("import_id", "line", "external_code", "name", "name_search", "email",
            "phone", "phone_digits", "phone_national", "phone_reversed", "birth_date", "unit_code", "acquisition_channel",
            "survey_consent", "registered_on", "outcome", "reason", "detail");

    /** A row ready to stage: the typed row, its normalised e-mail and phone, and a rejection found before SQL. */
    public record Prepared(CustomerImport.StagedCustomer row, String email, Phones.Phone phone, String reasonKey, String detail) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CustomerQueries queries;
    private final ImportStaging staging;

    CustomerImportStore(JdbcClient jdbc, DataSource dataSource, CustomerQueries queries) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.queries = queries;
        this.staging = new ImportStaging(jdbc, "customer_import_row", "external_code", "name");
    }

    public void stage(long importId, List<Prepared> rows) {
        staging.write(dataSource, STAGE_COLUMNS, rows.stream().map(p -> {
            CustomerImport.StagedCustomer r = p.row();
            Phones.Phone phone = p.phone();
            return new Object[]{importId, r.line(), r.externalCode(), r.name(), r.name() == null ? null : SearchText.normalise(r.name()),
                    p.email(), phone == null ? null : phone.e164(), phone == null ? null : phone.digits(),
                    phone == null ? null : phone.national(), phone == null ? null : phone.reversed(),
                    r.birthDate() == null ? null : Date.valueOf(r.birthDate()), r.unitCode(),
                    r.channel() == null ? null : r.channel().name(), r.surveyConsent(),
                    r.registeredOn() == null ? null : Date.valueOf(r.registeredOn()), p.reasonKey() == null ? null : "REJECT", p.reasonKey(), p.detail()};
        }).toList());
    }

    /** Every row's outcome in one pass; rows rejected while the file was read or staged ({@code import.format.*}) keep theirs. */
    @Override
    public ImportSummary check(ImportRun run) {
        String unitOutOfScope = ImportStaging.outOfScope("u.id");
        String customerOutOfScope = ImportStaging.outOfScope("c.home_unit_id");
        return ImportCheck.of(staging)
                .earlierLines("external_code", "d")
                .earlierLines("email", "m")
                .join("LEFT JOIN customer c ON c.external_code = r.external_code")
                .join("LEFT JOIN customer e ON e.email = r.email")
                .join("LEFT JOIN unit u ON u.code = r.unit_code")
                .keep("r.unit_id = u.id")
                .existingRecord("c.id")
                .rejectWhen("d.first_line IS NOT NULL", "import.reject.duplicate-code-in-file", "CONCAT('line ', d.first_line)")
                .rejectWhen("m.first_line IS NOT NULL", "import.reject.duplicate-email-in-file", "CONCAT('line ', m.first_line)")
                .rejectWhen("u.id IS NULL", "import.reject.unknown-unit", "r.unit_code")
                .rejectWhen(unitOutOfScope, "import.reject.unit-out-of-scope", "r.unit_code")
                .rejectWhen("r.birth_date > :today", "import.reject.birth-in-future", "CAST(r.birth_date AS CHAR)")
                .rejectWhen("r.registered_on > :today", "import.reject.future-date", "CAST(r.registered_on AS CHAR)")
                .rejectWhen("e.id IS NOT NULL AND (c.id IS NULL OR e.id <> c.id)",
                        "import.reject.email-of-another-customer", "r.email")
                .rejectWhen("c.id IS NOT NULL AND " + customerOutOfScope,
                        "import.reject.customer-out-of-scope", "r.external_code")
                .unchangedWhen("c.name <=> r.name AND c.email <=> r.email AND c.phone <=> r.phone "
                        + "AND c.birth_date <=> r.birth_date AND c.home_unit_id <=> u.id "
                        + "AND c.acquisition_channel <=> r.acquisition_channel "
                        + "AND c.survey_consent <=> r.survey_consent "
                        // a file without a registration date leaves the one the customer has
                        + "AND (r.registered_on IS NULL OR DATE(c.created_at) = r.registered_on)")
                .run(jdbc, run);
    }

    /** Writes the rows checked CREATE or UPDATE (after {@link #check}, same transaction), with their name words. */
    @Override
    public void apply(ImportRun run) {
        long importId = run.importId();
        String by = run.actorName();
        Instant now = run.now();
        jdbc.sql("""
                UPDATE customer c JOIN customer_import_row r ON r.existing_id = c.id
                SET c.name = r.name, c.name_search = r.name_search, c.email = r.email, c.phone = r.phone,
                    c.phone_digits = r.phone_digits, c.phone_national = r.phone_national, c.phone_reversed = r.phone_reversed,
                    c.birth_date = r.birth_date, c.home_unit_id = r.unit_id, c.acquisition_channel = r.acquisition_channel,
                    c.survey_consent = r.survey_consent,
                    c.created_at = IF(r.registered_on IS NULL OR DATE(c.created_at) = r.registered_on, c.created_at,
                                      TIMESTAMP(r.registered_on)),
                    c.updated_by = ?, c.version = c.version + 1
                WHERE r.import_id = ? AND r.outcome = 'UPDATE'""").params(by, importId).update();
        jdbc.sql("""
                INSERT INTO customer (id, external_code, name, name_search, email, phone, phone_digits, phone_national,
                                      phone_reversed, birth_date, home_unit_id, acquisition_channel, survey_consent, created_at,
                                      updated_by, version)
                SELECT NEXTVAL(customer_seq), external_code, name, name_search, email, phone, phone_digits, phone_national,
                       phone_reversed, birth_date, unit_id, acquisition_channel, survey_consent,
                       COALESCE(TIMESTAMP(registered_on), ?), ?, 0
                FROM customer_import_row WHERE import_id = ? AND outcome = 'CREATE' ORDER BY line""")
                .params(Timestamp.from(now), by, importId).update();
        queries.reindexNameWordsOfImport(importId);
    }

    @Override
    public ImportStaging staging() {
        return staging;
    }
}
