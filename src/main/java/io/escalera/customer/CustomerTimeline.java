package io.escalera.customer;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One timeline of everything that happened with a customer, across modules and channels, newest first. Each source
 * gives its newest entries through an index; a page at offset N merges N + limit entries of each source.
 */
@Service
public class CustomerTimeline {

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at).reversed()
            .thenComparing(TimelineEntry::kind).thenComparing(Comparator.comparingLong(TimelineEntry::recordId).reversed());

    private final CustomerService customers;
    private final ObjectProvider<TimelineSource> sources;

    CustomerTimeline(CustomerService customers, ObjectProvider<TimelineSource> sources) {
        this.customers = customers;
        this.sources = sources;
    }

    /**
     * @param kinds   the kinds to show; empty for all
     * @param channel only entries of this channel, or null
     */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<TimelineEntry> page(long customerId, Set<String> kinds, String channel, int offset, int limit) {
        customers.get(customerId);
        int wanted = offset + limit;
        return sources.orderedStream()
                .filter(source -> kinds.isEmpty() || kinds.contains(source.kind()))
                .flatMap(source -> source.newest(customerId, channel, wanted).stream())
                .sorted(NEWEST_FIRST)
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public List<String> kinds() {
        return sources.orderedStream().map(TimelineSource::kind).distinct().toList();
    }

}
