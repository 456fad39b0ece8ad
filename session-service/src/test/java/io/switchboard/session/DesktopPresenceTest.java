package io.switchboard.session;

import static io.switchboard.stack.test.TestDatabase.count;
import static io.switchboard.stack.test.TestDatabase.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.switchboard.session.support.PublishedEvents;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.TestDatabase;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Desktop presence on the real broker and database: {@code agent.presence} says CONNECTED when an agent's first
 * desktop opens and DISCONNECTED when the last one closes, wherever the sockets are held; a socket held by another
 * instance keeps the agent connected until that instance stops beating (crashed), and then it stops counting.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class DesktopPresenceTest {

    private static final String PRESENCE = "agent.presence";

    @TestHTTPResource("/")
    URI base;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void anAgentIsConnectedFromTheFirstDesktopOpenedToTheLastOneClosed() throws SQLException {
        String agent = "presence-" + UUID.randomUUID();
        String token = Tokens.agent(agent, "Pat Presence");
        try (PublishedEvents events = new PublishedEvents(companion)) {
            Socket first = opened(token);
            JsonNode connected = PublishedEvents.data(events.await(agent, PRESENCE, 1).get(0));
            assertThat(connected.path("status").asText()).isEqualTo("CONNECTED");
            assertThat(connected.path("agentId").asText()).isEqualTo(agent);
            assertThat(connected.path("version").asLong()).isEqualTo(1);

            Socket second = opened(token);
            first.close();
            // The close is written (one socket left here) without flipping anything.
            awaitSocketsHeld(agent, 1);
            assertThat(presence(agent)).isEqualTo("connected v1");

            second.close();
            List<String> published = events.await(agent, PRESENCE, 2);
            JsonNode disconnected = PublishedEvents.data(published.get(1));
            assertThat(disconnected.path("status").asText()).isEqualTo("DISCONNECTED");
            assertThat(disconnected.path("version").asLong()).isEqualTo(2);
            awaitSocketsHeld(agent, 0);
            assertThat(events.of(agent, PRESENCE)).hasSize(2);
        }
    }

    @Test
    void aDesktopHeldByAnotherInstanceCountsUntilThatInstanceStopsBeating() throws SQLException {
        String agent = "presence-" + UUID.randomUUID();
        String other = "crashing-instance-" + UUID.randomUUID();
        // Another instance holds one of the agent's desktops and published CONNECTED (version 1).
        execute("insert into session_instance (instance_id, heartbeat_at) values (?, now())", other);
        execute("insert into agent_socket_holder (agent_id, instance_id, sockets) values (?, ?, 1)", agent, other);
        execute("insert into agent_presence (agent_id, connected, version, changed_at) values (?, true, 1, now())", agent);
        try (PublishedEvents events = new PublishedEvents(companion)) {
            Socket here = opened(Tokens.agent(agent, "Two Desks"));
            awaitSocketsHeld(agent, 2);
            execute("update session_instance set heartbeat_at = now() where instance_id = ?", other);
            here.close();
            awaitSocketsHeld(agent, 1);
            assertThat(presence(agent)).as("the other instance still holds a desktop").isEqualTo("connected v1");
            assertThat(events.of(agent, PRESENCE)).isEmpty();

            // The other instance crashes: its heartbeat stops, and after the instance timeout its desktop is gone.
            JsonNode disconnected = PublishedEvents.data(events.await(agent, PRESENCE, 1).get(0));
            assertThat(disconnected.path("status").asText()).isEqualTo("DISCONNECTED");
            assertThat(disconnected.path("version").asLong()).isEqualTo(2);
            assertThat(presence(agent)).isEqualTo("disconnected v2");
            awaitSocketsHeld(agent, 0);
            assertThat(count("select count(*) from session_instance where instance_id = ?", other)).isZero();
        }
    }

    private Socket opened(String token) {
        Socket socket = Socket.open(base, "/ws/agent", token);
        // Registered once the server answered a frame.
        socket.send(Map.of("type", "nonsense"));
        socket.awaitType("error");
        return socket;
    }

    private static void awaitSocketsHeld(String agent, long sockets) {
        Awaitility.await().atMost(Socket.WAIT).until(() ->
                count("select coalesce(sum(sockets), 0) from agent_socket_holder where agent_id = ?", agent) == sockets);
    }

    private static String presence(String agent) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement(
                     "select connected, version from agent_presence where agent_id = ?")) {
            query.setString(1, agent);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? (row.getBoolean(1) ? "connected v" : "disconnected v") + row.getLong(2) : "none";
            }
        }
    }
}
