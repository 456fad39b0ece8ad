package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.ChatDataChanged;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.DataOrigin;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.routing.support.RoutedRecords;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The queues' attached-data rules on the real broker and database (%test rules: tier=gold adds 5 to the priority,
 * vip=true needs the skill vip).
 */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing"))
class AttachedDataRoutingTest extends RoutingTestBase {

    private static final int LONG_WAIT = 600;
    private static final int LONG_OFFER = 60;

    @Test
    void aGoldChatGoesBeforeAnEarlierOrdinaryOneOfItsQueue() throws InterruptedException {
        String queue = unique("gold");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String ordinary = unique("ordinary");
        String gold = unique("goldchat");
        session.send(SessionEvents.request(ordinary, queue));
        routed.await(ordinary, RoutingOutcome.QUEUED);
        session.send(SessionEvents.requestWithData(gold, queue, Map.of("tier", "gold", "orderNumber", "A-1")));
        routed.await(gold, RoutingOutcome.QUEUED);

        // One agent with room for one chat: the gold chat is offered, the earlier ordinary one waits.
        String agent = readyAgent("only", skill, 1);
        ChatRouted offered = routed.await(gold, RoutingOutcome.OFFERED);
        assertThat(offered.agentId()).isEqualTo(agent);
        Thread.sleep(Duration.ofSeconds(1).toMillis());
        assertThat(routed.of(ordinary, RoutingOutcome.OFFERED)).isEmpty();
    }

    @Test
    void dataChangedWhileWaitingCountsToo() throws InterruptedException {
        String queue = unique("later");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String ordinary = unique("ordinary");
        String upgraded = unique("upgraded");
        session.send(SessionEvents.request(ordinary, queue));
        routed.await(ordinary, RoutingOutcome.QUEUED);
        session.send(SessionEvents.request(upgraded, queue));
        routed.await(upgraded, RoutingOutcome.QUEUED);
        // An integration marks the later chat gold while both wait.
        session.send(new ChatDataChanged(upgraded, Map.of("tier", "gold"),
                List.of(new ChatDataChanged.Change("tier", "gold", null)), "crm", DataOrigin.INTEGRATION,
                Instant.now()));
        // Its new place is announced to the contact: first.
        await().atMost(RoutedRecords.PATIENCE).until(() -> routed.of(upgraded, RoutingOutcome.QUEUED).stream()
                .anyMatch(q -> Integer.valueOf(1).equals(q.position())));

        String agent = readyAgent("only", skill, 1);
        assertThat(routed.await(upgraded, RoutingOutcome.OFFERED).agentId()).isEqualTo(agent);
        Thread.sleep(Duration.ofSeconds(1).toMillis());
        assertThat(routed.of(ordinary, RoutingOutcome.OFFERED)).isEmpty();
    }

    @Test
    void aVipChatNeedsAnAgentWithTheVipSkill() {
        String queue = unique("vip");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        // Idle longest, but without the skill the rule requires.
        String plain = readyAgent("plain", skill, 3);
        String vipAgent = unique("vipagent");
        api.createAgent(vipAgent, Map.of(skill, 3, "vip", 5), 3, "agent");
        api.ready(vipAgent);

        String chat = unique("vipchat");
        session.send(SessionEvents.requestWithData(chat, queue, Map.of("vip", true)));
        assertThat(routed.await(chat, RoutingOutcome.OFFERED).agentId()).isEqualTo(vipAgent);

        // Without the data the usual rule applies: the agent idle longest.
        String ordinary = unique("plainchat");
        session.send(SessionEvents.request(ordinary, queue));
        assertThat(routed.await(ordinary, RoutingOutcome.OFFERED).agentId()).isEqualTo(plain);
        assertThat(List.of(plain, vipAgent)).doesNotHaveDuplicates();
    }
}
