package io.escalera.customer.internal;

import io.escalera.shared.imports.ImportCheck;
import io.escalera.shared.imports.ImportRun;
import io.escalera.shared.imports.ImportStaging;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.shared.imports.StagedRecords;
import io.escalera.customer.OrderImport;
import io.escalera.shared.jdbc.RowWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The SQL of an order import: staging, the set-based checks, and the writes. */
@Repository
public class OrderImportStore implements StagedRecords {

    private static final List<String> STAGE_COLUMNS = List.of("import_id", "line", "external_id", "customer_code", "order_date",
            "channel", "unit_code", "gross_amount", "discount", "cost_of_goods", "promised_delivery", "actual_delivery",
            "delivered_in_full", "returned_amount", "categories", "outcome", "reason", "detail");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    private final ImportStaging staging;

    OrderImportStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.staging = new ImportStaging(jdbc, "order_import_row", "external_id", "customer_code");
        this.dataSource = dataSource;
    }

    public void stage(long importId, List<OrderImport.StagedOrder> rows) {
        staging.write(dataSource, STAGE_COLUMNS, rows.stream().map(r -> new Object[]{importId, r.line(), r.externalId(),
                r.customerCode(), date(r.orderDate()), r.channel() == null ? null : r.channel().name(), r.unitCode(),
                r.grossAmount(), r.discount(), r.costOfGoods(), date(r.promisedDelivery()), date(r.actualDelivery()),
                r.deliveredInFull(), r.returnedAmount(), r.categories(), r.reasonKey() == null ? null : "REJECT", r.reasonKey(),
                r.detail()}).toList());
    }

    /**
     * Decides every row's outcome in one pass over the staged rows (a million rows: each extra pass costs seconds):
     * the first rule a row breaks rejects it, else it is created, changed or left as it is. Rows already rejected
     * while the file was read keep their reason.
     */
    @Override
    public ImportSummary check(ImportRun run) {
        String unitOutOfScope = ImportStaging.outOfScope("u.id");
        String orderOutOfScope = ImportStaging.outOfScope("o.unit_id");
        // the rules in order: condition, reason, detail
        return ImportCheck.of(staging)
                .earlierLines("external_id", "d")
                .join("LEFT JOIN customer c ON c.external_code = r.customer_code")
                .join("LEFT JOIN unit u ON u.code = r.unit_code")
                .join("LEFT JOIN customer_order o ON o.external_id = r.external_id")
                .keep("r.customer_id = c.id")
                .keep("r.unit_id = u.id")
                .existingRecord("o.id")
                .rejectWhen("d.first_line IS NOT NULL", "import.reject.duplicate-in-file", "CONCAT('line ', d.first_line)")
                .rejectWhen("c.id IS NULL", "import.reject.unknown-customer", "r.customer_code")
                .rejectWhen("u.id IS NULL", "import.reject.unknown-unit", "r.unit_code")
                .rejectWhen(unitOutOfScope, "import.reject.unit-out-of-scope", "r.unit_code")
                .rejectWhen("r.gross_amount < 0 OR r.discount < 0 OR r.returned_amount < 0 OR r.cost_of_goods < 0",
                        "import.reject.negative-amount", "NULL")
                .rejectWhen("r.discount > r.gross_amount", "import.reject.discount-above-gross", "CAST(r.discount AS CHAR)")
                .rejectWhen("r.returned_amount > r.gross_amount - r.discount",
                        "import.reject.returned-above-net", "CAST(r.returned_amount AS CHAR)")
                .rejectWhen("r.order_date > :today", "import.reject.future-date", "CAST(r.order_date AS CHAR)")
                .rejectWhen("r.actual_delivery < r.order_date",
                        "import.reject.delivered-before-ordered", "CAST(r.actual_delivery AS CHAR)")
                .rejectWhen("o.id IS NOT NULL AND o.customer_id <> c.id",
                        "import.reject.order-of-another-customer", "r.external_id")
                .rejectWhen("o.id IS NOT NULL AND " + orderOutOfScope, "import.reject.order-out-of-scope", "r.external_id")
                .unchangedWhen("o.order_date <=> r.order_date AND o.channel <=> r.channel AND o.unit_id <=> u.id "
                        + "AND o.gross_amount <=> r.gross_amount AND o.discount <=> r.discount "
                        + "AND o.cost_of_goods <=> r.cost_of_goods "
                        + "AND o.promised_delivery <=> r.promised_delivery "
                        + "AND o.actual_delivery <=> r.actual_delivery "
                        + "AND o.delivered_in_full <=> r.delivered_in_full "
                        + "AND o.returned_amount <=> r.returned_amount AND o.categories <=> r.categories")
                .run(jdbc, run);
    }

    /** The first and last order date the import touches (old dates of changed orders included); nulls when none. */
    public LocalDate[] affectedDates(long importId) {
        return staging.affectedDays(importId, "order_date", "customer_order");
    }

    /** Writes the rows checked CREATE or UPDATE (call after {@link #check} in the same transaction). */
    @Override
    public void apply(ImportRun run) {
        long importId = run.importId();
        String by = run.actorName();
        Instant now = run.now();
        jdbc.sql("""
                UPDATE customer_order o JOIN order_import_row r ON r.existing_id = o.id
                SET o.order_date = r.order_date, o.channel = r.channel, o.unit_id = r.unit_id, o.gross_amount = r.gross_amount,
                    o.discount = r.discount, o.cost_of_goods = r.cost_of_goods, o.promised_delivery = r.promised_delivery,
                    o.actual_delivery = r.actual_delivery, o.delivered_in_full = r.delivered_in_full,
                    o.returned_amount = r.returned_amount, o.categories = r.categories, o.updated_by = ?, o.version = o.version + 1
                WHERE r.import_id = ? AND r.outcome = 'UPDATE'""").params(by, importId).update();
        jdbc.sql("""
                INSERT INTO customer_order (id, external_id, customer_id, order_date, channel, unit_id, gross_amount, discount,
                                            cost_of_goods, promised_delivery, actual_delivery, delivered_in_full, returned_amount,
                                            categories, created_at, updated_by, version)
                SELECT NEXTVAL(customer_order_seq), external_id, customer_id, order_date, channel, unit_id, gross_amount, discount,
                       cost_of_goods, promised_delivery, actual_delivery, delivered_in_full, returned_amount, categories, ?, ?, 0
                FROM order_import_row WHERE import_id = ? AND outcome = 'CREATE' ORDER BY line""")
                .params(Timestamp.from(now), by, importId).update();
    }

    @Override
    public ImportStaging staging() {
        return staging;
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
