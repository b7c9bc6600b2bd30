package io.escalera.shared.imports;

import java.util.Optional;
import java.util.Set;

/**
 * Who runs an import step, as the security module knows it (a port it implements, since this package depends on no
 * other module): the units the importer may write to, and the names a record keeps of who wrote it.
 */
public interface ImportActor {

    /** The importer's units, or empty when every unit is theirs. */
    Optional<Set<Long>> units();

    /** The username for "updated by" columns ("system" for background work). */
    String name();

    /** The name to show as who recorded a record (the user's display name, else {@link #name()}). */
    String displayName();
}
