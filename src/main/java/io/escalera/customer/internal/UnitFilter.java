package io.escalera.customer.internal;

import io.escalera.admin.UnitService;
import io.escalera.security.UnitScopes;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The units a list covers: the user's own units, or all units when widened (where allowed), narrowed to a chosen
     * unit and the units below it; null means every unit.
     */
    public Set<Long> visibleUnits(Long chosenUnit, boolean widened) {
        Optional<Set<Long>> visible = scopes.visibleUnits(widened || chosenUnit != null);
        if (chosenUnit == null) {
            return visible.orElse(null);
        }
        Set<Long> chosen = new HashSet<>(units.selfAndDescendants(chosenUnit));
        visible.ifPresent(chosen::retainAll);
        return chosen;
    }

    public Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        units.allUnits().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }
}
