package io.escalera.complaint;

import io.escalera.complaint.internal.ComplaintQueries;
import io.escalera.security.AuthenticatedUser;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The complaint queues (the unit's, mine, unassigned, at risk, …): a filtered list, its export and the count of every
 * queue, over the units the user may list. One case and its workflow: {@link ComplaintService}.
 */
@Service
@Transactional(readOnly = true)
public class ComplaintQueues {

    /** Queue counts stop here; above it the screen shows "10,000+". */
    public static final int COUNT_CAP = 10_000;

    private final ComplaintQueries queries;
    private final ComplaintSettings settings;
    private final SignedInUsers signedIn;
    private final UnitScopes scopes;
    private final Clock clock;

    ComplaintQueues(ComplaintQueries queries, ComplaintSettings settings, SignedInUsers signedIn, UnitScopes scopes, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.signedIn = signedIn;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** A queue, filtered; newest first for the unit's list, most urgent first for the others. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public List<ComplaintRow> list(ComplaintFilter filter, long offset, int limit) {
        return queries.list(filter, scopes.unitsForList(filter.unitId(), filter.widened()), me(), clock.instant(),
                settings.dueSoonWindow(), offset, limit);
    }

    /** Every case of a filtered queue, in the list's order, one at a time (an export of the whole list). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public void forEach(ComplaintFilter filter, Consumer<ComplaintRow> sink) {
        queries.forEach(filter, scopes.unitsForList(filter.unitId(), filter.widened()), me(), clock.instant(),
                settings.dueSoonWindow(), sink);
    }

    /** How many cases each queue holds with the same filters (status, category, …), up to {@link #COUNT_CAP} + 1. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public Map<ComplaintQueue, Long> counts(ComplaintFilter filter) {
        Set<Long> visible = scopes.unitsForList(filter.unitId(), filter.widened());
        Instant now = clock.instant();
        Duration dueSoon = settings.dueSoonWindow();
        String me = me();
        Map<ComplaintQueue, Long> counts = new EnumMap<>(ComplaintQueue.class);
        for (ComplaintQueue queue : ComplaintQueue.values()) {
            counts.put(queue, queries.count(filter.withQueue(queue), visible, me, now, dueSoon, COUNT_CAP));
        }
        return counts;
    }

    private String me() {
        return signedIn.authenticated().map(AuthenticatedUser::username).orElse(null);
    }
}
