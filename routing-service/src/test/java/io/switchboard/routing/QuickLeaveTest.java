package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.EndReason;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.routing.support.RoutedRecords;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import io.switchboard.stack.test.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Contacts who leave within milliseconds of asking for a chat ("Staying power", item 2): chat.requested and
 * chat.ended come on different topics, so routing takes them in in either order, or at the same time.
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing"))
class QuickLeaveTest extends RoutingTestBase {

    private static final int LEAVES = 300;
    /** One normal chat every this many quick leaves (odd: both orders of the pair get some). */
    private static final int NORMAL_EVERY = 9;
    /** 45 slots for 34 normal chats: room left over for any left chat that routing would wrongly offer. */
    private static final int AGENTS = 15;
    private static final int CAPACITY = 3;
    private static final int LONG_WAIT = 3600;
    private static final int LONG_OFFER = 120;
    /** Hundreds of events on a machine shared with other builds: generous, never a measure of speed. */
    private static final Duration PATIENCE = Duration.ofMinutes(6);
    /** Long enough for routing to offer anything it (wrongly) still had queued, once agents are READY. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Test
    void aChatLeftRightAfterItsRequestIsNeverOfferedAndEndsAbandoned() {
        String queue = unique("quick");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String agent = unique("agent" + i);
            api.createAgent(agent, Map.of(skill, 3), CAPACITY, "agent");
            agents.add(agent);
        }
        List<String> left = new ArrayList<>();
        List<String> normal = new ArrayList<>();

        // Nobody is READY yet: a left chat that routing still holds as waiting would be offered below.
        for (int i = 0; i < LEAVES; i++) {
            String chat = unique("left" + i);
            left.add(chat);
            // Every NORMAL_EVERY-th pair has a normal chat requested between its two events.
            Runnable between = () -> { };
            if (i % NORMAL_EVERY == 0) {
                String other = unique("normal" + i);
                normal.add(other);
                between = () -> session.sendAsync(SessionEvents.request(other, queue));
            }
            if (i % 2 == 0) {
                session.sendAsync(SessionEvents.request(chat, queue));
                between.run();
                session.sendAsync(SessionEvents.ended(chat, EndReason.ABANDONED));
            } else {
                session.sendAsync(SessionEvents.ended(chat, EndReason.CONTACT_LEFT));
                between.run();
                session.sendAsync(SessionEvents.request(chat, queue));
            }
        }
        session.flush();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(chatsWith(left, RoutingOutcome.ABANDONED)).as("left chats abandoned").isEqualTo(LEAVES);
            // QUEUED comes again when a position changes: count chats, not decisions.
            assertThat(chatsWith(normal, RoutingOutcome.QUEUED)).as("normal chats queued").isEqualTo(normal.size());
        });

        agents.forEach(api::ready);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(chatsWith(normal, RoutingOutcome.OFFERED))
                .as("normal chats offered").isEqualTo(normal.size()));
        for (String chat : normal) {
            ChatRouted offer = routed.of(chat, RoutingOutcome.OFFERED).get(0);
            api.accept(offer.agentId(), offer.offerId()).statusCode(200);
        }
        await().atMost(PATIENCE).until(() -> chatsWith(normal, RoutingOutcome.ACCEPTED) == normal.size());
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> routed.count(left, RoutingOutcome.OFFERED) == 0);

        for (String chat : left) {
            Set<RoutingOutcome> outcomes = routed.of(chat).stream().map(ChatRouted::outcome)
                    .collect(Collectors.toSet());
            // QUEUED when the request was taken in first; never OFFERED, never UNANSWERED.
            assertThat(outcomes).as(chat).contains(RoutingOutcome.ABANDONED)
                    .isSubsetOf(RoutingOutcome.QUEUED, RoutingOutcome.ABANDONED);
            assertThat(routed.of(chat, RoutingOutcome.ABANDONED)).as(chat).hasSize(1);
        }
        // Every slot taken is a normal chat's; nobody missed an offer.
        int load = 0;
        for (String agent : agents) {
            Map<String, Object> view = api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).get("/api/routing/agents/" + agent).then()
                    .statusCode(200).extract().as(new TypeRef<>() { });
            assertThat(view.get("state")).as(agent).isEqualTo("READY");
            load += (Integer) view.get("load");
        }
        assertThat(load).isEqualTo(normal.size());
        List<Map<String, Object>> figures = api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).get("/api/routing/stats").then()
                .statusCode(200).extract().as(new TypeRef<>() { });
        Map<String, Object> mine = figures.stream().filter(f -> queue.equals(f.get("queue"))).findFirst()
                .orElseThrow();
        assertThat(mine).containsEntry("waiting", 0).containsEntry("abandoned", LEAVES)
                .containsEntry("offered", normal.size()).containsEntry("accepted", normal.size());
        api.as(Tokens.supervisor("supervisor1", "Sam Taylor")).delete("/api/routing/queues/" + queue).then().statusCode(204);
    }

    /** How many of these chats had a decision of this outcome published. */
    private static long chatsWith(List<String> chats, RoutingOutcome outcome) {
        Set<String> wanted = Set.copyOf(chats);
        return routed.all().stream().map(RoutedRecords.Seen::event)
                .filter(e -> e.outcome() == outcome && wanted.contains(e.chatId()))
                .map(ChatRouted::chatId).distinct().count();
    }
}
