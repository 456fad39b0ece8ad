package io.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.Routing;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent's socket carries several chats, and its frames of different chats are handled side by side: the agent
 * sends into all of them without waiting, and every chat still gets that agent's messages exactly once, in the order
 * they were sent, with gap-free seqs, and the agent an ack for each.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class AgentLanesTest {

    private static final int CHATS = 4;
    private static final int MESSAGES_EACH = 15;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void ready() {
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @Test
    void anAgentsFramesOfDifferentChatsRunSideBySideAndKeepEachChatsOrder() {
        String agentId = "lanes-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.agent(agentId, "Lane Agent");
        Routing routing = new Routing(Broker.companion());
        List<Chats.NewChat> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            Chats.NewChat chat = Chats.request("Lane contact " + i, "lane" + i + "@example.com", List.of());
            routing.assign(chat.chatId(), agentId, "Lane Agent");
            Chats.awaitState(token, chat.chatId(), "ACTIVE");
            chats.add(chat);
        }
        List<Socket> contacts = new ArrayList<>();
        try (Socket desk = Socket.open(base, "/ws/agent", token)) {
            for (Chats.NewChat chat : chats) {
                Socket contact = Socket.open(base, "/ws/contact/" + chat.chatId(), chat.contactToken());
                contacts.add(contact);
                contact.send(Map.of("type", "resume", "afterSeq", 0));
                desk.send(Map.of("type", "resume", "chatId", chat.chatId(), "afterSeq", 0));
            }
            // Round-robin over the chats, never waiting for an answer: the frames overtake nothing within a chat.
            for (int n = 0; n < MESSAGES_EACH; n++) {
                for (Chats.NewChat chat : chats) {
                    desk.send(Map.of("type", "message", "chatId", chat.chatId(), "clientMessageId",
                            chat.chatId() + "-" + n, "text", "lane " + n));
                }
            }
            Awaitility.await().atMost(Socket.WAIT).until(() -> desk.frames().stream()
                    .filter(f -> "ack".equals(f.path("type").asText())).count() == (long) CHATS * MESSAGES_EACH);
            for (int i = 0; i < CHATS; i++) {
                Chats.NewChat chat = chats.get(i);
                Socket contact = contacts.get(i);
                Awaitility.await().atMost(Socket.WAIT).until(() -> texts(contact, chat.chatId()).size() == MESSAGES_EACH);
                List<String> expected = new ArrayList<>();
                for (int n = 0; n < MESSAGES_EACH; n++) {
                    expected.add("lane " + n);
                }
                assertThat(texts(contact, chat.chatId())).as("the agent's messages in chat %d", i)
                        .containsExactlyElementsOf(expected);
                List<Long> seqs = contact.itemSeqs(chat.chatId());
                for (int k = 1; k < seqs.size(); k++) {
                    assertThat(seqs.get(k)).as("seq after %d", seqs.get(k - 1)).isEqualTo(seqs.get(k - 1) + 1);
                }
            }
        } finally {
            contacts.forEach(Socket::close);
        }
    }

    private static List<String> texts(Socket contact, String chatId) {
        return contact.frames().stream().filter(f -> "item".equals(f.path("type").asText())
                        && chatId.equals(f.path("chatId").asText()))
                .map(f -> f.path("item")).filter(AgentLanesTest::isLaneMessage)
                .map(item -> item.path("text").asText()).toList();
    }

    private static boolean isLaneMessage(JsonNode item) {
        return "MESSAGE".equals(item.path("kind").asText()) && item.path("text").asText().startsWith("lane ");
    }
}
