package io.escalera.shared;

import org.springframework.data.domain.Pageable;

import java.time.Instant;
import java.util.List;

/**
 * The one audit trail of the application: who did what to which record, when. Every module writes through it.
 */
public interface AuditLog {

    /** Records an action by the current user (or "system" when nobody is signed in). */
    void record(String action, String recordType, String recordId, String details);

    /** Records an action on behalf of a named actor (e.g. a login attempt before anyone is signed in). */
    void recordAs(String actor, String action, String recordType, String recordId, String details);

    List<AuditEntry> find(AuditQuery query, Pageable pageable);

    long count(AuditQuery query);

    record AuditEntry(long id, Instant occurredAt, String actor, String action, String recordType, String recordId,
                      String details) {
    }

    /** Filter for the audit screen; blank text matches everything. */
    record AuditQuery(String text) {
        public static AuditQuery all() {
            return new AuditQuery(null);
        }
    }
}
