package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.events.AgentStateChanged;
import io.switchboard.events.AgentStatus;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.PresenceStatus;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.events.StateChangeCause;
import io.switchboard.routing.support.RoutedRecords;
import io.switchboard.routing.support.RoutingApi;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing follows the agents' desktops ({@code agent.presence}, produced here as session-service publishes it): chats
 * are offered only to agents with a desktop connected; an agent whose desktop is gone longer than the grace period
 * goes NOT_READY "disconnected" and their open offer goes back to the queue at once.
 */
@QuarkusTest
@TestProfile(DesktopPresenceTest.PresenceRequired.class)
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing"))
class DesktopPresenceTest {

    static final int GRACE_SECONDS = 2;
    private static final int LONG_WAIT = 600;
    /** Far longer than the test waits for anything: a withdrawn offer cannot be its timeout. */
    private static final int LONG_OFFER = 120;
    /** Longer than the grace plus a few timer rounds: what was going to happen after the grace has happened. */
    private static final Duration PAST_GRACE = Duration.ofSeconds(GRACE_SECONDS + 2);

    public static class PresenceRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.routing.presence.required", "true",
                    "switchboard.routing.presence.grace", GRACE_SECONDS + "s");
        }
    }

    private static SessionEvents session;
    private static RoutedRecords routed;
    private final RoutingApi api = new RoutingApi();
    private final String id = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        session = new SessionEvents(SwitchboardInfrastructure.kafkaBootstrapServers(),
                SwitchboardInfrastructure.topicPrefix());
        routed = new RoutedRecords(SwitchboardInfrastructure.kafkaBootstrapServers(),
                SwitchboardInfrastructure.topicPrefix());
    }

    @AfterAll
    static void disconnect() {
        session.close();
        routed.close();
    }

    @Test
    void aReadyAgentWhoseDesktopIsGoneGetsNoOfferAndIsNotReadyDisconnectedAfterTheGrace() {
        String skill = "skill-" + id;
        String queue = queue(skill);
        String gone = agent("gone", skill);
        String later = agent("later", skill);
        api.ready(gone);
        connected(gone, 1);
        session.presence(gone, PresenceStatus.DISCONNECTED, 2);
        await().atMost(RoutedRecords.PATIENCE).untilAsserted(() -> api.me(gone).body("desktopConnected", equalTo(false)));

        // A chat asked for meanwhile is not offered to an agent nobody sits at: it waits.
        String chat = "chat-" + id;
        session.send(SessionEvents.request(chat, queue));
        routed.await(chat, RoutingOutcome.QUEUED);
        await().atMost(RoutedRecords.PATIENCE).untilAsserted(() ->
                api.me(gone).body("state", equalTo("NOT_READY")).body("reason", equalTo("disconnected"))
                        .body("load", equalTo(0)));
        AgentStateChanged disconnected = routed.awaitAgentState(gone, e -> "disconnected".equals(e.reason()));
        assertThat(disconnected.state()).isEqualTo(AgentStatus.NOT_READY);
        assertThat(disconnected.cause()).isEqualTo(StateChangeCause.ROUTING);
        // A late copy of an older change (version 1) does not bring the desktop back.
        session.presence(gone, PresenceStatus.CONNECTED, 1);

        // The agent who is READY with a desktop connected gets it; READY alone (no desktop yet) is not enough.
        api.ready(later);
        connected(later, 1);
        ChatRouted offered = routed.await(chat, RoutingOutcome.OFFERED);
        assertThat(offered.agentId()).isEqualTo(later);
        assertThat(routed.of(chat, RoutingOutcome.OFFERED)).extracting(ChatRouted::agentId).containsOnly(later);
        api.me(gone).body("desktopConnected", equalTo(false)).body("state", equalTo("NOT_READY"));
    }

    @Test
    void aDesktopBackWithinTheGraceKeepsTheAgentReadyAndOffered() throws InterruptedException {
        String skill = "skill-" + id;
        String queue = queue(skill);
        String agent = agent("blip", skill);
        api.ready(agent);
        connected(agent, 1);
        // A reload: the last socket closes and a new one opens on another instance a moment later.
        session.presence(agent, PresenceStatus.DISCONNECTED, 2);
        session.presence(agent, PresenceStatus.CONNECTED, 3);
        await().atMost(RoutedRecords.PATIENCE).untilAsserted(() -> api.me(agent).body("desktopConnected", equalTo(true)));
        Thread.sleep(PAST_GRACE.toMillis());
        api.me(agent).body("state", equalTo("READY")).body("reason", equalTo(null));

        String chat = "chat-" + id;
        session.send(SessionEvents.request(chat, queue));
        assertThat(routed.await(chat, RoutingOutcome.OFFERED).agentId()).isEqualTo(agent);
    }

    @Test
    void anOpenOfferToAnAgentWhoseDesktopIsGoneGoesBackToTheQueueAfterTheGraceNotAtItsTimeout() {
        String skill = "skill-" + id;
        String queue = queue(skill);
        String gone = agent("offered", skill);
        api.ready(gone);
        connected(gone, 1);
        String chat = "chat-" + id;
        session.send(SessionEvents.request(chat, queue));
        ChatRouted offer = routed.await(chat, RoutingOutcome.OFFERED);
        assertThat(offer.agentId()).isEqualTo(gone);

        session.presence(gone, PresenceStatus.DISCONNECTED, 2);
        // RoutedRecords.PATIENCE (30 s) is well within the offer's 120 s: this is the withdrawal, not the timeout.
        ChatRouted withdrawn = routed.await(chat, RoutingOutcome.TIMED_OUT);
        assertThat(withdrawn.agentId()).isEqualTo(gone);
        assertThat(withdrawn.offerId()).isEqualTo(offer.offerId());
        assertThat(withdrawn.reason()).contains("disconnected");
        api.me(gone).body("state", equalTo("NOT_READY")).body("reason", equalTo("disconnected"))
                .body("load", equalTo(0));
        api.accept(gone, offer.offerId()).statusCode(409);

        String other = agent("other", skill);
        api.ready(other);
        connected(other, 1);
        assertThat(routed.awaitNth(chat, RoutingOutcome.OFFERED, 2).agentId()).isEqualTo(other);
    }

    @Test
    void aReconnectedAgentStaysNotReadyUntilTheyChooseReady() {
        String skill = "skill-" + id;
        String queue = queue(skill);
        String agent = agent("back", skill);
        api.ready(agent);
        connected(agent, 1);
        session.presence(agent, PresenceStatus.DISCONNECTED, 2);
        await().atMost(RoutedRecords.PATIENCE).untilAsserted(() ->
                api.me(agent).body("state", equalTo("NOT_READY")).body("reason", equalTo("disconnected")));

        connected(agent, 3);
        api.me(agent).body("state", equalTo("NOT_READY")).body("reason", equalTo("disconnected"));
        api.ready(agent);
        String chat = "chat-" + id;
        session.send(SessionEvents.request(chat, queue));
        assertThat(routed.await(chat, RoutingOutcome.OFFERED).agentId()).isEqualTo(agent);
    }

    private String queue(String skill) {
        String queue = "q-" + id;
        api.createQueue(queue, List.of(skill), LONG_WAIT, null, LONG_OFFER);
        return queue;
    }

    private String agent(String name, String skill) {
        String agent = name + "-" + id;
        api.createAgent(agent, Map.of(skill, 3), 3, "agent");
        return agent;
    }

    private void connected(String agent, long version) {
        session.presence(agent, PresenceStatus.CONNECTED, version);
        await().atMost(RoutedRecords.PATIENCE).untilAsserted(() -> api.me(agent).body("desktopConnected", equalTo(true)));
    }
}
