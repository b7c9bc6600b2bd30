package io.escalera.security.internal;

import io.escalera.security.AuthenticatedUser;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.shared.imports.ImportActor;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** The signed-in user (or the system, for background work) as the importer the modules' bulk imports check and record. */
@Component
class SignedInImportActor implements ImportActor {

    private final SignedInUsers signedIn;
    private final UnitScopes scopes;

    SignedInImportActor(SignedInUsers signedIn, UnitScopes scopes) {
        this.signedIn = signedIn;
        this.scopes = scopes;
    }

    @Override
    public Optional<Set<Long>> units() {
        return scopes.actingUnits();
    }

    @Override
    public String name() {
        return signedIn.actorName();
    }

    @Override
    public String displayName() {
        return signedIn.authenticated().map(AuthenticatedUser::displayName).orElse(signedIn.actorName());
    }
}
