package io.escalera.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port to the units (stores, regions) owned by the admin module: security needs their names and hierarchy to scope
 * what a user sees, without depending on the admin module.
 */
public interface UnitDirectory {

    Optional<UnitRef> find(long unitId);

    /** The unit and every unit below it (stores of a region), for unit scoping. */
    Set<Long> selfAndDescendants(long unitId);

    List<UnitRef> allUnits();

    record UnitRef(long id, String code, String name) {
        public String label() {
            return code + " · " + name;
        }
    }
}
