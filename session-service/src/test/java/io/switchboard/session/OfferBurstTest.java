package io.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.Events;
import io.switchboard.events.OfferKind;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.session.support.Broker;
import io.switchboard.session.support.Chats;
import io.switchboard.session.support.Socket;
import io.switchboard.session.support.WorkflowStub;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many chats requested at once while several agents are connected: routing's decisions about them (a queue position,
 * then an offer) arrive as a burst, and every offer reaches the socket of the agent it was made to, while the
 * contacts keep requesting chats over REST.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "session"),
        @ResourceArg(name = "topics", value = "dlq.session-service,session.typing")})
@WithTestResource(WorkflowStub.class)
class OfferBurstTest {

    private static final int AGENTS = 4;
    private static final int CHATS = 120;
    private static final int REQUESTERS = 8;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void ready() {
        WorkflowStub.reset();
        Chats.awaitReady();
    }

    @Test
    void everyOfferOfABurstReachesItsAgentsSocket() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> agents = new ArrayList<>();
        List<Socket> desks = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String id = "burst-" + run + "-a" + i;
            agents.add(id);
            desks.add(Socket.open(base, "/ws/agent", Tokens.agent(id, "Burst agent " + i)));
        }
        String topic = SwitchboardInfrastructure.topicPrefix() + "chat.routed";
        Map<String, String> offerToAgent = new ConcurrentHashMap<>();
        ExecutorService requesters = Executors.newFixedThreadPool(REQUESTERS);
        try {
            List<CompletableFuture<Void>> requests = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                int n = i;
                requests.add(CompletableFuture.runAsync(() -> {
                    var chat = Chats.request("Burst contact " + n, "burst" + n + "@example.com", List.of());
                    String agent = agents.get(n % AGENTS);
                    String offerId = UUID.randomUUID().toString();
                    offerToAgent.put(offerId, agent);
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    // As routing publishes them: the position when the chat is queued, then the offer.
                    Broker.companion().produceStrings().fromRecords(
                            record(topic, new ChatRouted(chat.chatId(), RoutingOutcome.QUEUED, "general", null, null,
                                    null, null, null, 1, 30, null, null, null, now)),
                            record(topic, new ChatRouted(chat.chatId(), RoutingOutcome.OFFERED, "general", offerId,
                                    agent, "Burst agent", OfferKind.CHAT, now.plusSeconds(600), null, null, null,
                                    null, null, now))).awaitCompletion();
                }, requesters));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();

            Awaitility.await().atMost(Socket.WAIT).untilAsserted(() -> {
                for (int i = 0; i < AGENTS; i++) {
                    String agent = agents.get(i);
                    Set<String> expected = offerToAgent.entrySet().stream().filter(e -> e.getValue().equals(agent))
                            .map(Map.Entry::getKey).collect(Collectors.toSet());
                    assertThat(offerIds(desks.get(i))).as("offers on the socket of %s", agent)
                            .containsExactlyInAnyOrderElementsOf(expected);
                }
            });
        } finally {
            requesters.shutdownNow();
            desks.forEach(Socket::close);
        }
    }

    private static List<String> offerIds(Socket desk) {
        return desk.frames().stream().filter(f -> "offer".equals(f.path("type").asText()))
                .map(f -> f.path("offerId").asText()).toList();
    }

    private static ProducerRecord<String, String> record(String topic, ChatRouted routed) {
        return new ProducerRecord<>(topic, routed.chatId(), Events.write(Events.envelope(routed, "routing-service")));
    }
}
