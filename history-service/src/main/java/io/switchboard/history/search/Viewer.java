package io.switchboard.history.search;

import io.switchboard.kit.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is reading: supervisors see every interaction, an agent those of the contacts they serve or served. */
public record Viewer(String agentId, boolean supervisor) {

    public static Viewer of(JsonWebToken jwt) {
        return new Viewer(jwt.getSubject(), jwt.getGroups().contains(Roles.SUPERVISOR));
    }
}
