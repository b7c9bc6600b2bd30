package io.escalera.customer.internal;

import io.escalera.admin.UnitService;
import io.escalera.security.UnitScopes;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The units a customer or order query may cover, and unit names for its rows. */
@Component
public class UnitFilter {

    private final UnitScopes scopes;
    private final UnitService units;

    UnitFilter(UnitScopes scopes, UnitService units) {
        this.scopes = scopes;
        this.units = units;
    }

    /** See {@link UnitScopes#unitsForList}. */
    public Set<Long> visibleUnits(Long chosenUnit, boolean widened) {
        return scopes.unitsForList(chosenUnit, widened);
    }

    public Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        units.allUnits().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }
}
