package io.escalera.security;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.Set;

/**
 * Which units' records the signed-in user may see. EXECUTIVE and ADMIN see every unit; STAFF and MANAGER see their
 * own unit and the units below it (a regional manager sees the region's stores).
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

    /** The visible unit ids, or empty when every unit is visible. */
    public Optional<Set<Long>> visibleUnits() {
        Optional<AuthenticatedUser> user = signedIn.authenticated();
        if (user.isEmpty()) {
            // background work running as the system user
            return Optional.empty();
        }
        return switch (user.get().role()) {
            case EXECUTIVE, ADMIN -> Optional.empty();
            case STAFF, MANAGER -> Optional.of(units.selfAndDescendants(user.get().unitId()));
        };
    }

    public boolean canSee(long unitId) {
        return visibleUnits().map(visible -> visible.contains(unitId)).orElse(true);
    }
}
