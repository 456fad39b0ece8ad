package io.switchboard.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventType;
import io.switchboard.events.Events;
import io.switchboard.events.MessageLeft;
import io.switchboard.events.TranscriptSent;
import io.switchboard.events.WorkflowItemEvent;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A message a contact left is in the contact's history beside their chats: what they wrote, the follow-up work
 * item and the acknowledgement e-mail, from the events of the real broker.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "history"),
        @ResourceArg(name = "topics", value = "dlq.history-service")})
class MessagesLeftTest {

    @Test
    void aMessageLeftIsListedInTheContactsHistoryWithItsFollowUpAndAcknowledgement() {
        ChatScenario chat = new ChatScenario();
        String message = "message-" + UUID.randomUUID();
        Instant leftAt = Instant.parse("2031-03-05T20:15:00Z");
        EventLog.publish(chat.envelopes());
        EventLog.publish(List.of(
                Events.envelope(new MessageLeft(message, chat.contactId, "Dana Scully", "dana@example.com",
                        "billing", "en", "Please call me back about invoice 42", true,
                        Map.of("orderNumber", "A-42"), leftAt), "session-service"),
                Events.envelope(new WorkflowItemEvent(message, "item-" + message, "follow-up", null, "system", null,
                        leftAt.plusSeconds(1)), EventType.WORKFLOW_QUEUED, "workflow-service"),
                Events.envelope(new TranscriptSent(message, message + ".acknowledgement", "dana@example.com",
                        "<transcript." + message + ".acknowledgement@switchboard>", 1, leftAt.plusSeconds(2)),
                        "transcript-service")));

        JsonNode v = await().atMost(InteractionHistoryTest.PROJECTED)
                .until(() -> InteractionHistoryTest.fetchOrNull(message), view -> view != null
                        && "SENT".equals(view.at("/transcript/status").asText())
                        && "follow-up".equals(view.at("/workflow/queue").asText())
                        && view.at("/messages").size() == 1);
        assertThat(v.at("/state").asText()).isEqualTo("ENDED");
        assertThat(v.at("/ending/reason").asText()).isEqualTo("MESSAGE_LEFT");
        assertThat(v.at("/contact/contactId").asText()).isEqualTo(chat.contactId);
        assertThat(v.at("/queue").asText()).isEqualTo("billing");
        assertThat(v.at("/messages/0/text").asText()).isEqualTo("Please call me back about invoice 42");
        assertThat(v.at("/messages/0/authorName").asText()).isEqualTo("Dana Scully");
        assertThat(v.at("/data/orderNumber").asText()).isEqualTo("A-42");
        assertThat(v.at("/timings/requestedAt").asText()).isEqualTo("2031-03-05T20:15:00Z");

        JsonNode page = await().atMost(InteractionHistoryTest.PROJECTED).until(() -> Json.parse(given().auth()
                .oauth2(Tokens.supervisor("supervisor1")).queryParam("contactId", chat.contactId)
                .get("/api/history/interactions").then().statusCode(200).extract().asString()),
                p -> p.at("/items").size() == 2);
        List<String> kinds = new ArrayList<>();
        page.at("/items").forEach(item -> kinds.add(item.path("chatId").asText() + " " + item.path("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder(message + " MESSAGE", chat.chatId + " CHAT");
    }
}
