package io.escalera.complaint;

import io.escalera.interaction.InteractionChannel;

import java.time.LocalDate;

/**
 * What the complaint list shows. Null fields do not filter; {@code from}/{@code to} are the opening dates, both
 * included; {@code unitId} narrows to a unit and the units below it; {@code widened} asks for all units where allowed.
 */
public record ComplaintFilter(ComplaintQueue queue, ComplaintStatus status, ComplaintCategory category, Severity severity,
                              InteractionChannel channel, Long unitId, LocalDate from, LocalDate to,
                              boolean widened) {

    public static ComplaintFilter queue(ComplaintQueue queue) {
        return new ComplaintFilter(queue, null, null, null, null, null, null, null, false);
    }

    public ComplaintFilter withQueue(ComplaintQueue other) {
        return new ComplaintFilter(other, status, category, severity, channel, unitId, from, to, widened);
    }
}
