package io.escalera.security;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one scope rule, enforced here and nowhere else (README "Roles", ARCHITECTURE.md "Unit scope"):
 * <ul>
 *   <li>A STAFF or MANAGER user, and every API token whatever its role, reads and acts only on records of their own
 *       unit and the units below it (their <em>home units</em>).</li>
 *   <li>Seeing more is a right an ADMIN grants a user explicitly ("may see all units"); having child units never
 *       implies it. It widens what the user may <em>read</em> (lists, reports, opening a record), never what they may
 *       write, approve or delete. A token never widens.</li>
 *   <li>EXECUTIVE and ADMIN users read every unit; ADMIN acts on every unit (EXECUTIVE has no write rights at all).</li>
 * </ul>
 * Services ask {@link #canSee} before showing a record and {@link #canAct} before changing one; a record out of scope
 * is "not found", never "forbidden".
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
        if (widened && mayWiden(user.get())) {
            return Optional.empty();
        }
        return homeUnits(user.get());
    }

    /** Whether the user may switch their lists from their home units to all units. */
    public boolean mayWiden() {
        return signedIn.authenticated().map(UnitScopes::mayWiden).orElse(true);
    }

    /**
     * The units a list covers: the user's home units, or all units when widened (where allowed), narrowed to a chosen
     * unit and the units below it; null means every unit.
     */
    public Set<Long> unitsForList(Long chosenUnitId, boolean widened) {
        Optional<Set<Long>> visible = visibleUnits(widened || chosenUnitId != null);
        if (chosenUnitId == null) {
            return visible.orElse(null);
        }
        Set<Long> chosen = new HashSet<>(units.selfAndDescendants(chosenUnitId));
        visible.ifPresent(chosen::retainAll);
        return chosen;
    }

    /** Whether a record of this unit may be read: within the widest lists the user may see. */
    public boolean canSee(long unitId) {
        return visibleUnits(true).map(visible -> visible.contains(unitId)).orElse(true);
    }

    /** The units whose records the user may change, or empty when every unit (ADMIN, background work). */
    public Optional<Set<Long>> actingUnits() {
        return signedIn.authenticated().flatMap(this::homeUnits);
    }

    /** Whether a record of this unit may be written, approved or deleted: within the user's home units only. */
    public boolean canAct(long unitId) {
        return actingUnits().map(mine -> mine.contains(unitId)).orElse(true);
    }

    /** Whether the user acts for the whole company (ADMIN, or background work): company-wide rules are theirs. */
    public boolean actsCompanyWide() {
        return actingUnits().isEmpty();
    }

    private Optional<Set<Long>> homeUnits(AuthenticatedUser user) {
        if (!user.isApiToken() && (user.role() == Role.EXECUTIVE || user.role() == Role.ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(units.selfAndDescendants(user.unitId()));
    }

    private static boolean mayWiden(AuthenticatedUser user) {
        if (user.isApiToken()) {
            return false;
        }
        return switch (user.role()) {
            case EXECUTIVE, ADMIN -> true;
            case STAFF, MANAGER -> user.allUnitsAllowed();
        };
    }
}
