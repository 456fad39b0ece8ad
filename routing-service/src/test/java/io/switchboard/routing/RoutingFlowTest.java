package io.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.AgentStateChanged;
import io.switchboard.events.AgentStatus;
import io.switchboard.events.ChatParticipant;
import io.switchboard.events.ChatRouted;
import io.switchboard.events.ConferenceRequested;
import io.switchboard.events.EndReason;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.OfferKind;
import io.switchboard.events.ParticipantChange;
import io.switchboard.events.ParticipantRole;
import io.switchboard.events.RoutingCandidate;
import io.switchboard.events.RoutingOutcome;
import io.switchboard.events.StateChangeCause;
import io.switchboard.events.TargetType;
import io.switchboard.events.TransferRequested;
import io.switchboard.routing.support.SessionEvents;
import io.switchboard.stack.test.SwitchboardInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing as contacts, agents and supervisors see it, through the real broker and database. */
@QuarkusTest
@WithTestResource(value = SwitchboardInfrastructure.class,
        initArgs = @ResourceArg(name = SwitchboardInfrastructure.DATABASE_ARG, value = "routing"))
class RoutingFlowTest extends RoutingTestBase {

    private static final int LONG_WAIT = 600;
    private static final int LONG_OFFER = 60;
    /** Long enough to be sure nothing else happens, short enough for a test. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Test
    void aChatIsQueuedThenOfferedToTheMatchingAgentIdleLongestAndAccepted() {
        String queue = unique("sales");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String unskilled = readyAgent("unskilled", "other-" + id, 3);
        String first = readyAgent("first", skill, 3);
        String second = readyAgent("second", skill, 3);
        String chat = unique("chat");

        session.send(SessionEvents.request(chat, queue));

        ChatRouted queued = routed.await(chat, RoutingOutcome.QUEUED);
        assertThat(queued.position()).isEqualTo(1);
        assertThat(queued.estimatedWaitSeconds()).isNotNull().isPositive();
        ChatRouted offered = routed.await(chat, RoutingOutcome.OFFERED);
        assertThat(offered.agentId()).isEqualTo(first).isNotEqualTo(unskilled).isNotEqualTo(second);
        assertThat(offered.offerKind()).isEqualTo(OfferKind.CHAT);
        assertThat(offered.expiresAt()).isAfter(Instant.now());

        api.accept(first, offered.offerId()).statusCode(200).body("outcome", equalTo("ACCEPTED"));
        ChatRouted accepted = routed.await(chat, RoutingOutcome.ACCEPTED);
        assertThat(accepted.agentId()).isEqualTo(first);
        api.me(first).body("load", equalTo(1));
        api.accept(first, offered.offerId()).statusCode(409);
    }

    @Test
    void anOfferListsTheAgentsConsideredAndWhyThisOne() {
        String queue = unique("explained");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        readyAgent("unskilled", "other-" + id, 3);
        String first = readyAgent("first", skill, 3);
        String second = unique("second");
        api.createAgent(second, Map.of(skill, 5), 2, "agent");
        api.ready(second);
        String chat = unique("chat");

        session.send(SessionEvents.request(chat, queue));

        ChatRouted offered = routed.await(chat, RoutingOutcome.OFFERED);
        assertThat(offered.agentId()).isEqualTo(first);
        // The chosen agent first, then the other eligible one; the agent without the skill was not a candidate.
        assertThat(offered.candidates()).extracting(RoutingCandidate::agentId).containsExactly(first, second);
        RoutingCandidate chosen = offered.candidates().get(0);
        assertThat(chosen.chosen()).isTrue();
        assertThat(chosen.skillLevel()).isEqualTo(3);
        assertThat(chosen.load()).isZero();
        assertThat(chosen.capacity()).isEqualTo(3);
        assertThat(chosen.idleSeconds()).isGreaterThanOrEqualTo(offered.candidates().get(1).idleSeconds());
        assertThat(offered.candidates().get(1)).satisfies(c -> {
            assertThat(c.chosen()).isFalse();
            assertThat(c.skillLevel()).isEqualTo(5);
            assertThat(c.capacity()).isEqualTo(2);
        });
        assertThat(offered.reason()).startsWith("idle longest of 2 eligible").contains("skill 3", "load 0/3");
        // Accepting is not explained again: only the offer carries the candidates.
        api.accept(first, offered.offerId()).statusCode(200);
        assertThat(routed.await(chat, RoutingOutcome.ACCEPTED).candidates()).isNull();
    }

    @Test
    void aRejectedOfferGoesToTheNextAgent() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String first = readyAgent("first", skill, 3);
        String second = readyAgent("second", skill, 3);
        String chat = unique("chat");

        session.send(SessionEvents.request(chat, queue));
        ChatRouted offered = routed.await(chat, RoutingOutcome.OFFERED);
        assertThat(offered.agentId()).isEqualTo(first);
        api.reject(first, offered.offerId()).statusCode(204);

        assertThat(routed.await(chat, RoutingOutcome.REJECTED).agentId()).isEqualTo(first);
        assertThat(routed.awaitNth(chat, RoutingOutcome.OFFERED, 2).agentId()).isEqualTo(second);
        api.me(first).body("load", equalTo(0)).body("state", equalTo("READY"));
    }

    /**
     * The only agent who can take a chat declines it (or missed it while their desktop was reconnecting): the chat is
     * not left waiting for its maximum wait, it comes back to them after the re-offer pause (2 s in tests).
     */
    @Test
    void aChatTheOnlyFreeAgentDeclinedIsOfferedToThemAgainAfterThePause() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String only = readyAgent("only", skill, 3);
        String chat = unique("chat");

        session.send(SessionEvents.request(chat, queue));
        ChatRouted first = routed.await(chat, RoutingOutcome.OFFERED);
        api.reject(only, first.offerId()).statusCode(204);
        Instant declined = routed.await(chat, RoutingOutcome.REJECTED).at();

        ChatRouted again = routed.awaitNth(chat, RoutingOutcome.OFFERED, 2);
        assertThat(again.agentId()).isEqualTo(only);
        // Not at the next routing round (0.2 s in tests): after the pause.
        assertThat(Duration.between(declined, again.at())).isGreaterThan(Duration.ofMillis(1500));
        api.accept(only, again.offerId()).statusCode(200);
        assertThat(routed.await(chat, RoutingOutcome.ACCEPTED).agentId()).isEqualTo(only);
    }

    @Test
    void anUnansweredOfferTimesOutSetsTheAgentNotReadyAndGoesToTheNextAgent() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, 1);
        String sleepy = readyAgent("sleepy", skill, 3);
        String awake = readyAgent("awake", skill, 3);
        String chat = unique("chat");

        session.send(SessionEvents.request(chat, queue));
        ChatRouted missed = routed.await(chat, RoutingOutcome.OFFERED);
        assertThat(missed.agentId()).isEqualTo(sleepy);

        assertThat(routed.await(chat, RoutingOutcome.TIMED_OUT).agentId()).isEqualTo(sleepy);
        api.me(sleepy).body("state", equalTo("NOT_READY")).body("reason", equalTo("missed offer"))
                .body("load", equalTo(0));
        // The activity log says routing did it, and why.
        AgentStateChanged notReady = routed.awaitAgentState(sleepy, e -> e.state() == AgentStatus.NOT_READY);
        assertThat(notReady.reason()).isEqualTo("missed offer");
        assertThat(notReady.cause()).isEqualTo(StateChangeCause.ROUTING);
        assertThat(notReady.changedBy()).isNull();
        assertThat(notReady.previousState()).isEqualTo(AgentStatus.READY);
        ChatRouted next = routed.awaitNth(chat, RoutingOutcome.OFFERED, 2);
        assertThat(next.agentId()).isEqualTo(awake);
        api.accept(sleepy, missed.offerId()).statusCode(409)
                .body("type", equalTo("https://switchboard.dev/problems/offer-expired"));
    }

    @Test
    void pastTheMaximumWaitAChatOverflowsThenIsUnanswered() {
        String overflow = unique("overflow");
        queueWithSkill(overflow, 1, null, LONG_OFFER);
        String queue = unique("first");
        queueWithSkill(queue, 1, overflow, LONG_OFFER);
        String chat = unique("chat");

        session.send(SessionEvents.request(chat, queue));

        ChatRouted overflowed = routed.await(chat, RoutingOutcome.OVERFLOWED);
        assertThat(overflowed.queue()).isEqualTo(overflow);
        assertThat(routed.awaitNth(chat, RoutingOutcome.QUEUED, 2).queue()).isEqualTo(overflow);
        ChatRouted unanswered = routed.await(chat, RoutingOutcome.UNANSWERED);
        assertThat(unanswered.reason()).contains("No agent");
    }

    @Test
    void aContactWhoLeavesWhileWaitingIsRemovedAtOnceAndNeverOffered() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String left = unique("left");
        String stays = unique("stays");

        session.send(SessionEvents.request(left, queue));
        routed.await(left, RoutingOutcome.QUEUED);
        session.send(SessionEvents.request(stays, queue));
        assertThat(routed.await(stays, RoutingOutcome.QUEUED).position()).isEqualTo(2);
        session.send(SessionEvents.ended(left, EndReason.ABANDONED));
        routed.await(left, RoutingOutcome.ABANDONED);
        // The chat behind moves up.
        assertThat(routed.awaitNth(stays, RoutingOutcome.QUEUED, 2).position()).isEqualTo(1);

        String agent = readyAgent("agent", skill, 3);
        assertThat(routed.await(stays, RoutingOutcome.OFFERED).agentId()).isEqualTo(agent);
        await().during(QUIET).atMost(QUIET.multipliedBy(2))
                .until(() -> routed.of(left, RoutingOutcome.OFFERED).isEmpty());
    }

    @Test
    void aContactWhoLeavesDuringAnOfferFreesTheAgent() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String agent = readyAgent("agent", skill, 1);
        String chat = unique("chat");

        session.send(SessionEvents.request(chat, queue));
        ChatRouted offered = routed.await(chat, RoutingOutcome.OFFERED);
        session.send(SessionEvents.ended(chat, EndReason.CONTACT_LEFT));

        routed.await(chat, RoutingOutcome.ABANDONED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api.me(agent).body("load", equalTo(0)));
        api.accept(agent, offered.offerId()).statusCode(409);
    }

    @Test
    void aTransferToAQueueKeepsTheOriginalWaitingTime() {
        String first = unique("first");
        String firstSkill = queueWithSkill(first, LONG_WAIT, null, LONG_OFFER);
        String target = unique("target");
        String targetSkill = queueWithSkill(target, LONG_WAIT, null, LONG_OFFER);
        String holder = readyAgent("holder", firstSkill, 3);
        String early = unique("early");
        String late = unique("late");

        session.send(SessionEvents.requestedAt(early, first, Instant.now().minusSeconds(120)));
        api.accept(holder, routed.await(early, RoutingOutcome.OFFERED).offerId()).statusCode(200);
        session.send(SessionEvents.request(late, target));
        routed.await(late, RoutingOutcome.QUEUED);

        session.send(new TransferRequested(early, unique("transfer"), holder, TargetType.QUEUE, target, first,
                Instant.now()));

        ChatRouted requeued = routed.awaitNth(early, RoutingOutcome.QUEUED, 2);
        assertThat(requeued.queue()).isEqualTo(target);
        assertThat(requeued.position()).isEqualTo(1);
        assertThat(requeued.requestId()).isEqualTo(unique("transfer"));
        assertThat(routed.awaitNth(late, RoutingOutcome.QUEUED, 2).position()).isEqualTo(2);

        String taker = readyAgent("taker", targetSkill, 1);
        ChatRouted offered = routed.awaitNth(early, RoutingOutcome.OFFERED, 2);
        assertThat(offered.agentId()).isEqualTo(taker);
        assertThat(offered.offerKind()).isEqualTo(OfferKind.TRANSFER);
        assertThat(offered.requestedBy()).isEqualTo(holder);
    }

    @Test
    void aTransferToANamedAgentWhoRejectsFailsAndTheChatStaysWithItsAgent() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String holder = readyAgent("holder", skill, 3);
        String colleague = unique("colleague");
        api.createAgent(colleague, Map.of("other", 1), 3, "agent");
        api.ready(colleague);
        String chat = unique("chat");
        session.send(SessionEvents.request(chat, queue));
        api.accept(holder, routed.await(chat, RoutingOutcome.OFFERED).offerId()).statusCode(200);

        String request = unique("transfer");
        session.send(new TransferRequested(chat, request, holder, TargetType.AGENT, colleague, queue, Instant.now()));

        ChatRouted offered = routed.awaitNth(chat, RoutingOutcome.OFFERED, 2);
        assertThat(offered.agentId()).isEqualTo(colleague);
        assertThat(offered.offerKind()).isEqualTo(OfferKind.TRANSFER);
        assertThat(offered.requestId()).isEqualTo(request);
        api.reject(colleague, offered.offerId()).statusCode(204);

        ChatRouted failed = routed.await(chat, RoutingOutcome.FAILED);
        assertThat(failed.requestId()).isEqualTo(request);
        assertThat(failed.requestedBy()).isEqualTo(holder);
        api.me(holder).body("load", equalTo(1));
        api.me(colleague).body("load", equalTo(0));
    }

    @Test
    void aTransferToAnUnknownAgentFailsAtOnce() {
        String chat = unique("chat");
        session.send(new TransferRequested(chat, unique("transfer"), "agent1", TargetType.AGENT, unique("nobody"),
                "support", Instant.now()));
        assertThat(routed.await(chat, RoutingOutcome.FAILED).reason()).contains("no agent");
    }

    @Test
    void aConferenceInvitationIsOfferedToTheSupervisorWithoutTakingTheChatFromItsAgent() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String holder = readyAgent("holder", skill, 3);
        String boss = unique("boss");
        api.createAgent(boss, Map.of("other", 5), 3, "supervisor");
        api.ready(boss);
        String chat = unique("chat");
        session.send(SessionEvents.request(chat, queue));
        api.accept(holder, routed.await(chat, RoutingOutcome.OFFERED).offerId()).statusCode(200);

        String request = unique("conference");
        session.send(new ConferenceRequested(chat, request, holder, TargetType.SUPERVISOR, boss, queue,
                Instant.now()));

        ChatRouted invitation = routed.awaitNth(chat, RoutingOutcome.OFFERED, 2);
        assertThat(invitation.agentId()).isEqualTo(boss);
        assertThat(invitation.offerKind()).isEqualTo(OfferKind.CONFERENCE);
        api.accept(boss, invitation.offerId()).statusCode(200);
        assertThat(routed.awaitNth(chat, RoutingOutcome.ACCEPTED, 2).offerKind()).isEqualTo(OfferKind.CONFERENCE);
        api.me(holder).body("load", equalTo(1));
        api.me(boss).body("load", equalTo(1));

        session.send(new ChatParticipant(chat, 5, false, ParticipantChange.LEFT, boss, "Boss",
                ParticipantRole.SUPERVISOR, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api.me(boss).body("load", equalTo(0)));
        api.me(holder).body("load", equalTo(1));
    }

    @Test
    void anAgentIsNeverOfferedMoreChatsThanTheirCapacityAndMarkDoneFreesASlot() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String[] chats = {unique("c1"), unique("c2"), unique("c3"), unique("c4")};
        for (String chat : chats) {
            session.send(SessionEvents.request(chat, queue));
        }
        for (String chat : chats) {
            routed.await(chat, RoutingOutcome.QUEUED);
        }
        String agent = readyAgent("agent", skill, 2);

        api.accept(agent, routed.await(chats[0], RoutingOutcome.OFFERED).offerId()).statusCode(200);
        api.accept(agent, routed.await(chats[1], RoutingOutcome.OFFERED).offerId()).statusCode(200);
        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() ->
                routed.of(chats[2], RoutingOutcome.OFFERED).isEmpty()
                        && routed.of(chats[3], RoutingOutcome.OFFERED).isEmpty());
        api.me(agent).body("load", equalTo(2));

        session.send(SessionEvents.completed(chats[0], agent));

        assertThat(routed.await(chats[2], RoutingOutcome.OFFERED).agentId()).isEqualTo(agent);
        api.me(agent).body("load", equalTo(2)).body("state", equalTo("READY"));
        assertThat(routed.of(chats[3], RoutingOutcome.OFFERED)).isEmpty();
    }

    @Test
    void aRedeliveredChatRequestDoesNotQueueTheChatTwice() {
        String queue = unique("q");
        String skill = queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String chat = unique("chat");
        String marker = unique("marker");

        EventEnvelope envelope = session.send(SessionEvents.request(chat, queue));
        session.send(envelope);
        // The same chat again under a new event id (a producer retry upstream).
        session.send(SessionEvents.request(chat, queue));
        routed.await(chat, RoutingOutcome.QUEUED);
        await().during(QUIET).atMost(QUIET.multipliedBy(2))
                .until(() -> routed.of(chat, RoutingOutcome.QUEUED).size() == 1);

        session.send(SessionEvents.request(marker, queue));
        assertThat(routed.await(marker, RoutingOutcome.QUEUED).position()).as("one chat ahead").isEqualTo(2);
        String agent = readyAgent("agent", skill, 3);
        routed.await(marker, RoutingOutcome.OFFERED);
        await().during(QUIET).atMost(QUIET.multipliedBy(2))
                .until(() -> routed.of(chat, RoutingOutcome.OFFERED).size() == 1);
        api.me(agent).body("load", equalTo(2));
    }

    @Test
    void aChatForAnUnknownQueueGoesToTheDefaultQueueAndSaysSo() {
        String chat = unique("chat");
        session.send(SessionEvents.request(chat, unique("no-such-queue")));

        ChatRouted queued = routed.await(chat, RoutingOutcome.QUEUED);
        assertThat(queued.queue()).isEqualTo("support");
        assertThat(queued.reason()).contains("does not exist");
        session.send(SessionEvents.ended(chat, EndReason.ABANDONED));
        routed.await(chat, RoutingOutcome.ABANDONED);
    }

    @Test
    void aChatEndedBeforeItsRequestArrivedIsNeverQueued() throws InterruptedException {
        String queue = unique("q");
        queueWithSkill(queue, LONG_WAIT, null, LONG_OFFER);
        String chat = unique("chat");
        session.send(SessionEvents.ended(chat, EndReason.ABANDONED));
        // Other topic, other consumer: give chat.ended a head start so that it really arrives first.
        Thread.sleep(QUIET.toMillis());

        session.send(SessionEvents.request(chat, queue));

        routed.await(chat, RoutingOutcome.ABANDONED);
        assertThat(routed.of(chat, RoutingOutcome.QUEUED)).isEmpty();
    }
}
