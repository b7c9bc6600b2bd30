package io.escalera.security;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which units' records the signed-in user sees. EXECUTIVE and ADMIN see every unit. STAFF and MANAGER see their
 * own unit and the units below it (a regional manager sees the region's stores) by default, and may widen their
 * lists to all units only if their unit is a region or an ADMIN gave them that right.
 */
@Service
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class UnitScopes {

    private final SignedInUsers signedIn;
    private final UnitDirectory units;

    UnitScopes(SignedInUsers signedIn, UnitDirectory units) {
        this.signedIn = signedIn;
        this.units = units;
    }

    /** The units of the user's default lists, or empty when that is every unit. */
    public Optional<Set<Long>> visibleUnits() {
        return visibleUnits(false);
    }

    /** As {@link #visibleUnits()}, or every unit when {@code widened} and the user may widen. */
    public Optional<Set<Long>> visibleUnits(boolean widened) {
        Optional<AuthenticatedUser> user = signedIn.authenticated();
        if (user.isEmpty()) {
            // background work running as the system user
            return Optional.empty();
        }
        return switch (user.get().role()) {
            case EXECUTIVE, ADMIN -> Optional.empty();
            case STAFF, MANAGER -> widened && mayWiden() ? Optional.empty() : Optional.of(units.selfAndDescendants(user.get().unitId()));
        };
    }

    /** Whether the user may switch their lists from their own unit to all units. */
    public boolean mayWiden() {
        return signedIn.authenticated().map(user -> switch (user.role()) {
            case EXECUTIVE, ADMIN -> true;
            case STAFF, MANAGER -> user.allUnitsAllowed() || units.selfAndDescendants(user.unitId()).size() > 1;
        }).orElse(true);
    }

    /**
     * The units a list covers: the user's own units, or all units when widened (where allowed), narrowed to a chosen
     * unit and the units below it; null means every unit.
     */
    public Set<Long> unitsForList(Long chosenUnit, boolean widened) {
        Optional<Set<Long>> visible = visibleUnits(widened || chosenUnit != null);
        if (chosenUnit == null) {
            return visible.orElse(null);
        }
        Set<Long> chosen = new HashSet<>(units.selfAndDescendants(chosenUnit));
        visible.ifPresent(chosen::retainAll);
        return chosen;
    }

    /** Whether a record of this unit may be opened: within the widest lists the user may see. */
    public boolean canSee(long unitId) {
        return visibleUnits(true).map(visible -> visible.contains(unitId)).orElse(true);
    }
}
