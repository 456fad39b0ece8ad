package io.switchboard.routing.offer;

import io.smallrye.mutiny.Uni;
import io.switchboard.events.ChatRouted;
import io.switchboard.kit.security.Roles;
import io.switchboard.kit.tx.Transactions;
import io.switchboard.routing.DispatchWanted;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The offered agent answers an offer (the desktop shows it through session-service). */
@Path("/api/routing/offers/{offerId}")
@Tag(name = "Offers")
@RolesAllowed(Roles.AGENT)
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    private final OfferAnswers answers;
    private final Event<DispatchWanted> dispatchWanted;
    private final JsonWebToken jwt;
    private final Transactions tx;

    public OfferResource(OfferAnswers answers, Event<DispatchWanted> dispatchWanted, JsonWebToken jwt, Transactions tx) {
        this.tx = tx;
        this.answers = answers;
        this.dispatchWanted = dispatchWanted;
        this.jwt = jwt;
    }

    @POST
    @Path("/accept")
    @Operation(summary = "Accept an offer made to you; 409 offer-expired once its time ran out")
    public Uni<ChatRouted> accept(@PathParam("offerId") UUID offerId) {
        return tx.commit(() -> answers.accept(offerId, jwt.getSubject()))
                .invoke(() -> dispatchWanted.fire(DispatchWanted.NOW));
    }

    @POST
    @Path("/reject")
    @ResponseStatus(204)
    @Operation(summary = "Reject an offer made to you; the chat goes to the next agent")
    public Uni<Void> reject(@PathParam("offerId") UUID offerId) {
        return tx.commit(() -> answers.reject(offerId, jwt.getSubject()))
                .invoke(() -> dispatchWanted.fire(DispatchWanted.NOW));
    }
}
