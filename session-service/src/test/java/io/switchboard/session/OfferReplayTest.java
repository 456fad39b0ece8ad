package io.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.OfferKind;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agent whose desktop connects after an offer was made still gets the offer, and only the open ones. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class OfferReplayTest {

    @TestHTTPResource("/")
    URI base;

    Routing routing;
    String alice = Tokens.agent("agent1", "Alice Martin");

    @BeforeEach
    void ready() {
        routing = new Routing(Broker.companion());
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @Test
    void anAgentWhoConnectsAfterTheOfferGetsTheOpenOffersOnly() {
        var chat = Chats.request("Late Desk", "late.desk@example.com", List.of());
        routing.assign(chat.chatId(), "agent1", "Alice Martin");
        Chats.awaitState(alice, chat.chatId(), "ACTIVE");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String rejected = routing.offeredUntil(chat.chatId(), "agent2", "Bruno Costa", OfferKind.CONFERENCE,
                now.plusSeconds(30));
        routing.rejected(chat.chatId(), rejected, "agent2", "Bruno Costa", OfferKind.CONFERENCE);
        routing.offeredUntil(chat.chatId(), "agent2", "Bruno Costa", OfferKind.CONFERENCE, now.minusSeconds(1));
        String open = routing.offeredUntil(chat.chatId(), "agent2", "Bruno Costa", OfferKind.CONFERENCE,
                now.plusSeconds(60));
        // Decisions about one chat are applied in order: once Chloé joined, Bruno's offers were recorded.
        String chloe = routing.offered(chat.chatId(), "agent3", "Chloé Durand", OfferKind.CONFERENCE, null, null);
        routing.accepted(chat.chatId(), chloe, "agent3", "Chloé Durand", OfferKind.CONFERENCE, null, null);
        Chats.awaitPresent(alice, chat.chatId(), "agent3");

        try (Socket bruno = Socket.open(base, "/ws/agent", Tokens.agent("agent2", "Bruno Costa"))) {
            JsonNode offer = bruno.await(f -> "offer".equals(f.path("type").asText())
                    && open.equals(f.path("offerId").asText()));
            assertThat(offer.path("chatId").asText()).isEqualTo(chat.chatId());
            assertThat(offer.path("offerKind").asText()).isEqualTo("CONFERENCE");
            assertThat(offer.path("contactName").asText()).isEqualTo("Late Desk");
            assertThat(offer.path("subject").asText()).isEqualTo("Billing question");
            assertThat(Instant.parse(offer.path("expiresAt").asText())).isEqualTo(now.plusSeconds(60));
            // Sent oldest expiry first: the rejected and the expired offer would have come before the open one.
            assertThat(bruno.frames().stream().filter(f -> "offer".equals(f.path("type").asText()))
                    .map(f -> f.path("offerId").asText())).containsExactly(open);
        }

        // Chloé's accepted offer is closed: her desktop gets nothing again.
        try (Socket desk = Socket.open(base, "/ws/agent", Tokens.agent("agent3", "Chloé Durand"))) {
            desk.send(java.util.Map.of("type", "resume", "chatId", chat.chatId(), "afterSeq", 0));
            desk.awaitItem(3);
            assertThat(desk.frames()).noneMatch(f -> "offer".equals(f.path("type").asText()));
        }
    }
}
