package io.escalera.exchange.internal;

import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.interaction.InteractionImport;

import java.time.Instant;
import java.time.ZoneId;

/** Turns a file's line into a contact row, by the mapping of fields to column headers; a bad value rejects the row. */
final class InteractionRows {

    private final ImportColumns columns;
    private final ZoneId zone;

    InteractionRows(ImportColumns columns, ZoneId zone) {
        this.columns = columns;
        this.zone = zone;
    }

    InteractionImport.StagedInteraction read(TabularFile.Line line) {
        String id = null;
        String customerCode = null;
        try {
            id = ImportValues.text(columns.cell(line, "interactionId"), 40, "interactionId");
            customerCode = ImportValues.text(columns.cell(line, "customerCode"), 40, "customerCode");
            Instant occurredAt = ImportValues.moment(columns.cell(line, "occurredAt"), zone);
            InteractionChannel channel = ImportValues.contactChannel(columns.cell(line, "contactChannel"));
            Direction direction = ImportValues.direction(columns.cell(line, "direction"));
            String reason = ImportValues.text(columns.cell(line, "reason"), 80, "reason");
            String summary = ImportValues.text(columns.cell(line, "summary"), 2000, "summary");
            Integer minutes = ImportValues.whole(columns.cell(line, "minutes"));
            Boolean resolved = ImportValues.yesNo(columns.cell(line, "resolvedFirstContact"));
            String unitCode = ImportValues.text(columns.cell(line, "unitCode"), 30, "unitCode");
            String handledBy = ImportValues.text(columns.cell(line, "handledBy"), 120, "handledBy");
            // without an id the contact module matches a re-import by content; without a unit, the customer's home unit
            String missing = customerCode == null ? "customerCode" : occurredAt == null ? "occurredAt"
                    : channel == null ? "contactChannel" : reason == null ? "reason" : summary == null ? "summary" : null;
            if (missing != null) {
                return rejected(line, id, customerCode, "import.format.missing", missing);
            }
            return new InteractionImport.StagedInteraction(line.number(), id, customerCode, occurredAt, channel,
                    direction == null ? Direction.IN : direction, reason, summary, minutes == null ? 0 : minutes,
                    resolved != null && resolved, unitCode, handledBy, null, null);
        } catch (ImportValues.BadValue e) {
            return rejected(line, id, customerCode, e.reasonKey, e.value);
        }
    }

    private static InteractionImport.StagedInteraction rejected(TabularFile.Line line, String id, String customerCode, String reason,
                                                                String detail) {
        return new InteractionImport.StagedInteraction(line.number(), id, customerCode, null, null, null, null, null, null, null,
                null, null, reason, ImportValues.detail(detail));
    }
}
