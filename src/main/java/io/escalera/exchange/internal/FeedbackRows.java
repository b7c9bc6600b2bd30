package io.escalera.exchange.internal;

import io.escalera.feedback.FeedbackImport;
import io.escalera.feedback.FeedbackKind;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Turns a file's line into an answer row, by the mapping of fields to column headers; a bad value rejects the row. */
final class FeedbackRows {

    private final ImportColumns columns;
    private final ZoneId zone;

    FeedbackRows(ImportColumns columns, ZoneId zone) {
        this.columns = columns;
        this.zone = zone;
    }

    FeedbackImport.StagedAnswer read(TabularFile.Line line) {
        String id = null;
        String customerCode = null;
        try {
            id = ImportValues.text(columns.cell(line, "answerId"), 40, "answerId");
            customerCode = ImportValues.text(columns.cell(line, "customerCode"), 40, "customerCode");
            Instant answeredAt = ImportValues.moment(columns.cell(line, "answeredAt"), zone);
            FeedbackKind kind = ImportValues.named(columns.cell(line, "kind"), FeedbackKind.values(), Map.of(), "import.format.bad-survey-kind");
            Integer score = ImportValues.whole(columns.cell(line, "score"));
            String comment = ImportValues.text(columns.cell(line, "comment"), 2000, "comment");
            String unitCode = ImportValues.text(columns.cell(line, "unitCode"), 30, "unitCode");
            String orderId = ImportValues.text(columns.cell(line, "orderId"), 40, "orderId");
            // without an id the feedback module matches a re-import by content
            String missing = answeredAt == null ? "answeredAt" : kind == null ? "kind" : score == null ? "score" : null;
            if (missing != null) {
                return rejected(line, id, customerCode, "import.format.missing", missing);
            }
            return new FeedbackImport.StagedAnswer(line.number(), id, customerCode, answeredAt, kind, score, comment, unitCode, orderId,
                    null, null);
        } catch (ImportValues.BadValue e) {
            return rejected(line, id, customerCode, e.reasonKey, e.value);
        }
    }

    private static FeedbackImport.StagedAnswer rejected(TabularFile.Line line, String id, String customerCode, String reason, String detail) {
        return new FeedbackImport.StagedAnswer(line.number(), id, customerCode, null, null, null, null, null, null, reason,
                ImportValues.detail(detail));
    }
}
