package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.switchboard.events.EndReason;
import io.switchboard.events.Events;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The supervisors' live board over a real socket: the board comes at once, then every change is pushed without the
 * client asking (an agent's state, a chat waiting, the chart's minute), and only supervisors may open it.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing"))
class LiveBoardTest extends RoutingTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PATH = "/ws/routing/board";

    @TestHTTPResource("/")
    URI base;

    @Test
    void aSupervisorSeesAgentsAndWaitingChatsChangeWithoutAsking() {
        String queue = unique("board");
        String skill = queueWithSkill(queue, 600, null, 30);
        String agent = unique("agent");
        api.createAgent(agent, Map.of(skill, 3), 2, "agent");

        try (Watcher board = new Watcher(Tokens.supervisor("supervisor1", "Sam Taylor"))) {
            JsonNode first = board.await(frame -> agentOf(frame, agent) != null);
            assertThat(agentOf(first, agent).path("state").asText()).isEqualTo("LOGGED_OUT");
            assertThat(queueOf(first, queue).path("waiting").asInt()).isZero();

            String chat = unique("chat");
            session.send(SessionEvents.request(chat, queue));
            routed.await(chat, RoutingOutcome.QUEUED);
            JsonNode waiting = board.await(frame -> queueOf(frame, queue) != null
                    && queueOf(frame, queue).path("waiting").asInt() == 1);
            assertThat(waiting.path("at").asText()).isNotEmpty();
            // The chart's point of this minute records the chat waiting (written by the stats job, read by the board).
            board.await(frame -> StreamSupport.stream(frame.path("chart").path(queue).spliterator(), false)
                    .anyMatch(point -> point.path("waiting").asInt() >= 1));

            api.ready(agent);
            // Ready: the agent's row changes, and the chat is offered to them (their load counts the offer).
            JsonNode ready = board.await(frame -> agentOf(frame, agent) != null
                    && "READY".equals(agentOf(frame, agent).path("state").asText())
                    && agentOf(frame, agent).path("load").asInt() == 1);
            assertThat(agentOf(ready, agent).path("stateSince").asText()).isNotEmpty();
            session.send(SessionEvents.ended(chat, EndReason.CONTACT_LEFT));
        }
    }

    @Test
    void onlySupervisorsMayOpenTheBoardAndItTakesNoFrames() {
        assertThat(new Watcher(null).closeCode()).isEqualTo(4401);
        assertThat(new Watcher("not-a-token").closeCode()).isEqualTo(4401);
        assertThat(new Watcher(Tokens.agent(unique("agent"))).closeCode()).isEqualTo(4403);

        try (Watcher board = new Watcher(Tokens.supervisor("supervisor1", "Sam Taylor"))) {
            board.await(frame -> "board".equals(frame.path("type").asText()));
            board.connection.sendTextAndAwait("{\"type\":\"refresh\"}");
            board.await(frame -> "bad-frame".equals(frame.path("code").asText()));
            assertThat(board.connection.isOpen()).isTrue();
        }
    }

    private static JsonNode agentOf(JsonNode frame, String agent) {
        return find(frame.path("agents"), a -> agent.equals(a.path("id").asText()));
    }

    private static JsonNode queueOf(JsonNode frame, String queue) {
        return find(frame.path("queues"), q -> queue.equals(q.path("queue").asText()));
    }

    private static JsonNode find(JsonNode list, Predicate<JsonNode> match) {
        return StreamSupport.stream(list.spliterator(), false).filter(match).findFirst().orElse(null);
    }

    /** A real socket client that keeps every frame it received. */
    private final class Watcher implements AutoCloseable {
        private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final AtomicReference<CloseReason> closed = new AtomicReference<>();
        private final WebSocketClientConnection connection;

        Watcher(String token) {
            BasicWebSocketConnector connector = BasicWebSocketConnector.create().baseUri(base).path(PATH)
                    .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                    .onTextMessage((c, text) -> frames.add(read(text)))
                    .onClose((c, reason) -> closed.set(reason));
            if (token != null) {
                connector.addHeader("Authorization", "Bearer " + token);
            }
            connection = connector.connectAndAwait();
        }

        JsonNode await(Predicate<JsonNode> match) {
            AtomicReference<JsonNode> found = new AtomicReference<>();
            Awaitility.await().atMost(WAIT).until(() -> {
                frames.stream().filter(match).reduce((a, b) -> b).ifPresent(found::set);
                return found.get() != null;
            });
            return found.get();
        }

        int closeCode() {
            Awaitility.await().atMost(WAIT).until(() -> closed.get() != null);
            return closed.get().getCode();
        }

        @Override
        public void close() {
            if (connection.isOpen()) {
                connection.closeAndAwait();
            }
        }

        private static JsonNode read(String text) {
            try {
                return Events.json().readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
