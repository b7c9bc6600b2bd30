package io.escalera.exchange.internal;

import io.escalera.customer.ReferralImport;

import java.time.LocalDate;

/** Turns a file's line into a referral row (referred customer, referrer, date); a bad value rejects the row. */
final class ReferralRows {

    private final ImportColumns columns;

    ReferralRows(ImportColumns columns) {
        this.columns = columns;
    }

    ReferralImport.StagedReferral read(TabularFile.Line line) {
        String referred = null;
        String referrer = null;
        try {
            referred = ImportValues.text(columns.cell(line, "referredCode"), 40, "referredCode");
            referrer = ImportValues.text(columns.cell(line, "referrerCode"), 40, "referrerCode");
            LocalDate on = ImportValues.date(columns.cell(line, "referredOn"));
            String missing = referred == null ? "referredCode" : referrer == null ? "referrerCode" : on == null ? "referredOn" : null;
            if (missing != null) {
                return rejected(line, referred, referrer, "import.format.missing", missing);
            }
            return new ReferralImport.StagedReferral(line.number(), referrer, referred, on, null, null);
        } catch (ImportValues.BadValue e) {
            return rejected(line, referred, referrer, e.reasonKey, e.value);
        }
    }

    private static ReferralImport.StagedReferral rejected(TabularFile.Line line, String referred, String referrer, String reason,
                                                          String detail) {
        return new ReferralImport.StagedReferral(line.number(), referrer, referred, null, reason, ImportValues.detail(detail));
    }
}
